package io.arbiter.web;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.MethodAppearanceFineTuner;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Exposes a record's component accessors to page templates as properties ({@code item.href}); templates read data,
 * they call no methods. FreeMarker does this by itself only when it can load its Java 16 support from
 * {@code META-INF/versions/16} — which a runnable jar without {@code Multi-Release: true} silently hides, turning
 * every record in a view into "method+sequence" and every page into a 500. Deciding it here, from
 * {@link Class#isRecord()}, makes the pages independent of how the classes were packaged.
 */
final class RecordAccessorsAsProperties implements MethodAppearanceFineTuner {

    @Override
    public void process(BeansWrapper.MethodAppearanceDecisionInput in, BeansWrapper.MethodAppearanceDecision out) {
        Class<?> type = in.getContainingClass();
        Method method = in.getMethod();
        if (!type.isRecord() || method.getParameterCount() != 0) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(method.getName())) {
                try {
                    out.setExposeAsProperty(new PropertyDescriptor(component.getName(), component.getAccessor(), null));
                    out.setReplaceExistingProperty(true);
                    out.setMethodShadowsProperty(false);
                } catch (IntrospectionException e) {
                    throw new IllegalStateException("record component " + type.getName() + "." + component.getName(), e);
                }
                return;
            }
        }
    }
}
