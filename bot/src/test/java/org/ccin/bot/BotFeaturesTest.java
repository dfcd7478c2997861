package org.ccin.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotFeaturesTest {
    @Test
    void findsEveryFeaturePackageInTheOrderOfHelp() {
        List<String> names = BotFeatures.found().stream().map(f -> f.getClass().getSimpleName()).toList();

        assertThat(names).startsWith("OnboardingFeature", "AccountFeature", "MeasuresFeature", "KnowledgeFeature",
                "GroupsFeature", "RemindersFeature", "NewslettersFeature", "DashboardFeature", "PrivacyFeature",
                "OperationsFeature");
        assertThat(names).doesNotHaveDuplicates();
    }
}
