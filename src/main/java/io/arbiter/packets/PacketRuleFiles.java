package io.arbiter.packets;

import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The packet rule files, bound by the one rule loader (io.arbiter.rules.RuleBook) at start-up. */
@Factory
public class PacketRuleFiles {

    @Singleton
    RuleDocument<PacketRules.Bound> packets() {
        return PacketRules.document();
    }

    @Singleton
    RuleDocument<CodeDescriptions> codeDescriptions() {
        return RuleDocument.classpath("code-descriptions.yml", CodeDescriptions.class, CodeDescriptions::bind);
    }
}
