package org.terrawatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final List<Class<? extends Enum<?>>> DOMAIN_ENUMS = List.of(
            org.terrawatch.monitoring.admin.AdminLevel.class,
            org.terrawatch.monitoring.organisation.DepartmentKind.class,
            org.terrawatch.monitoring.organisation.Role.class,
            org.terrawatch.monitoring.baselayer.BaseLayerKind.class,
            org.terrawatch.monitoring.task.MonitoringKind.class,
            org.terrawatch.monitoring.task.TaskState.class,
            org.terrawatch.monitoring.patch.PatchCategory.class,
            org.terrawatch.monitoring.patch.ChangeType.class,
            org.terrawatch.monitoring.patch.PatchStatus.class,
            org.terrawatch.monitoring.patch.PrecheckResult.class,
            org.terrawatch.monitoring.patch.VerificationResult.class,
            org.terrawatch.monitoring.patch.HandlingMeasure.class,
            org.terrawatch.monitoring.camera.CameraKind.class,
            org.terrawatch.monitoring.alert.AlertType.class,
            org.terrawatch.monitoring.alert.Screening.class,
            org.terrawatch.monitoring.workorder.WorkOrderSource.class,
            org.terrawatch.monitoring.workorder.WorkOrderState.class,
            org.terrawatch.monitoring.audit.Channel.class,
            org.terrawatch.monitoring.calendar.DeadlineKind.class);

    @Test
    void everyDomainValueHasAChineseAndAnEnglishLabel() {
        for (Class<? extends Enum<?>> type : DOMAIN_ENUMS) {
            for (Enum<?> value : type.getEnumConstants()) {
                String zh = Labels.zh(value);
                String en = Labels.en(value);
                assertThat(zh).as("Chinese label of %s", value).isNotBlank().matches(".*\\p{IsHan}.*");
                assertThat(en).as("English label of %s", value).isNotBlank().matches("[\\x20-\\x7E]+");
            }
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Labels.of(org.terrawatch.monitoring.patch.PatchCategory.NON_COAL_MINE, Locale.CHINA)).isEqualTo("非煤矿山");
            assertThat(Labels.of(org.terrawatch.monitoring.patch.PatchCategory.NON_COAL_MINE, Locale.FRENCH)).isEqualTo("非煤矿山");
            assertThat(Labels.of(org.terrawatch.monitoring.patch.PatchCategory.NON_COAL_MINE, Locale.UK)).isEqualTo("non-coal mine");
        } finally {
            Locale.setDefault(before);
        }
    }
}
