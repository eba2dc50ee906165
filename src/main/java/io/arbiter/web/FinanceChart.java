package io.arbiter.web;

import io.arbiter.common.DisplayFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a server-rendered horizontal bar chart, in viewBox units: one block per group (its name on a line of
 * its own, then one bar per series with its value just past the bar's end), a dollar axis with ticks and gridlines
 * under the bars, a legend above. Names longer than the line are cut with "…" and keep their full text in a title, so
 * labels never overlap whatever the number of groups; the template draws it with width 100% so it fits a phone.
 */
public record FinanceChart(int width, int height, int plotLeft, int plotRight, int barHeight, int axisY, List<Series> series, List<Tick> ticks,
                          List<Group> groups) {

    /** A series: its name in the legend and its colour. */
    public record Series(String name, String color, int legendX) {
    }

    /** A dollar tick on the axis: position, label. */
    public record Tick(int x, String label) {
    }

    /** One group's block: label line, and its bars. */
    public record Group(String label, String fullLabel, boolean cut, int labelY, List<Bar> bars) {
    }

    /** One bar: where, how long, its formatted value and what the title says. */
    public record Bar(int y, int width, String color, String value, String title) {
    }

    /** A group's name and one value per series. */
    public record Input(String label, List<BigDecimal> values) {
    }

    static final int WIDTH = 440;
    static final int PLOT_RIGHT = 330;
    static final int BAR_H = 12;
    static final int LABEL_CHARS = 52;

    public static FinanceChart of(List<String> seriesNames, List<String> colors, List<Input> inputs) {
        BigDecimal max = BigDecimal.ZERO;
        for (Input in : inputs) {
            for (BigDecimal v : in.values()) {
                max = max.max(v);
            }
        }
        BigDecimal step = niceStep(max);
        BigDecimal axisMax = max.signum() == 0 ? step : max.divide(step, 0, RoundingMode.CEILING).multiply(step);
        List<Series> series = new ArrayList<>();
        int legendX = 0;
        for (int i = 0; i < seriesNames.size(); i++) {
            series.add(new Series(seriesNames.get(i), colors.get(i), legendX));
            legendX += 18 + seriesNames.get(i).length() * 7 + 14;
        }
        int y = 34;
        List<Group> groups = new ArrayList<>();
        for (Input in : inputs) {
            boolean cut = in.label().length() > LABEL_CHARS;
            String shown = cut ? in.label().substring(0, LABEL_CHARS - 1) + "…" : in.label();
            int labelY = y + 12;
            y += 18;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < in.values().size(); i++) {
                BigDecimal v = in.values().get(i);
                String money = DisplayFormat.money(v);
                bars.add(new Bar(y, scale(v, axisMax), colors.get(i), money, in.label() + ": " + seriesNames.get(i).toLowerCase(Locale.ROOT) + " " + money));
                y += BAR_H + 4;
            }
            groups.add(new Group(shown, in.label(), cut, labelY, bars));
            y += 9;
        }
        int axisY = y;
        List<Tick> ticks = new ArrayList<>();
        for (BigDecimal t = BigDecimal.ZERO; t.compareTo(axisMax) <= 0; t = t.add(step)) {
            ticks.add(new Tick(scale(t, axisMax), dollars(t)));
        }
        return new FinanceChart(WIDTH, axisY + 22, 0, PLOT_RIGHT, BAR_H, axisY, series, ticks, groups);
    }

    /** A step of 1, 2 or 5 × 10^k giving four or five ticks. */
    static BigDecimal niceStep(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.valueOf(100);
        }
        BigDecimal raw = max.divide(BigDecimal.valueOf(4), 2, RoundingMode.CEILING);
        BigDecimal pow = BigDecimal.ONE;
        while (pow.multiply(BigDecimal.TEN).compareTo(raw) <= 0) {
            pow = pow.multiply(BigDecimal.TEN);
        }
        for (int m : new int[] {1, 2, 5, 10}) {
            BigDecimal s = pow.multiply(BigDecimal.valueOf(m));
            if (s.compareTo(raw) >= 0) {
                return s;
            }
        }
        return pow.multiply(BigDecimal.TEN);
    }

    private static int scale(BigDecimal v, BigDecimal axisMax) {
        return v.signum() <= 0 ? 0 : v.multiply(BigDecimal.valueOf(PLOT_RIGHT)).divide(axisMax, 0, RoundingMode.HALF_UP).intValue();
    }

    /** Whole dollars for tick labels: $0, $500, $12,500. */
    static String dollars(BigDecimal v) {
        return "$" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }
}
