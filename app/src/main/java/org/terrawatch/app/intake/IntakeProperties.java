package org.terrawatch.app.intake;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.terrawatch.monitoring.alert.AlertType;
import org.terrawatch.monitoring.calendar.DeadlineKind;

/**
 * How alerts come in ({@code <data-dir>/intake.yml}): the video platform's type names mapped onto ours (our own names
 * are always understood), the largest snapshot, and how fast one credential may send.
 *
 * @param types           the platform's type name → our alert type
 * @param snapshotMaxSize the largest snapshot accepted
 * @param perSecond       alerts one credential may send per second, sustained
 * @param burst           and at once, after a quiet spell
 * @param incidentDistance a repeated alert of the same camera and type within this many metres ...
 * @param incidentWindow   ... and this long after the last one joins its incident
 * @param falseAlarmReasons what a duty officer may give as the reason of a false alarm (the note starts with one)
 * @param routing          where a confirmed alert of each type is dispatched, and by when
 * @param cameraSilence    a camera not heard from (heartbeat or alert) for this long is offline
 * @param dueSoonShare     a work order is due soon once this share of its time is used (then overdue past its deadline)
 */
@ConfigurationProperties("terrawatch.intake")
public record IntakeProperties(@DefaultValue Map<String, AlertType> types, @DefaultValue("5MB") DataSize snapshotMaxSize,
                               @DefaultValue("100") int perSecond, @DefaultValue("400") int burst,
                               @DefaultValue("200") double incidentDistance, @DefaultValue("30m") java.time.Duration incidentWindow,
                               @DefaultValue({"云影", "车辆灯光", "光线变化", "许可范围内作业", "重复报警", "设备故障", "其他"})
                               java.util.List<String> falseAlarmReasons, @DefaultValue Map<AlertType, Route> routing,
                               @DefaultValue("10m") java.time.Duration cameraSilence, @DefaultValue("0.8") double dueSoonShare) {

    /**
     * The dispatch of a type of alert (the plan's seven domains and five working groups).
     *
     * @param domain       the plan's domain (耕地保护, 矿产资源保护, 地质灾害, 森林草原防火, 封山禁牧, 安全生产, 生态环境保护)
     * @param workingGroup the working group it goes to
     * @param department   the department within it that acts first, or null
     * @param deadline     by when: on site within an hour for geological hazards, else a video verification report
     */
    public record Route(String domain, String workingGroup, String department, @DefaultValue("VIDEO_VERIFICATION") DeadlineKind deadline) {
    }

    /** Our type for the platform's name: the configured mapping, else our own name in any case; empty when neither. */
    public Optional<AlertType> type(String platformName) {
        AlertType mapped = types.get(platformName);
        if (mapped == null) {
            mapped = types.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(platformName)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }
        if (mapped != null) {
            return Optional.of(mapped);
        }
        try {
            return Optional.of(AlertType.valueOf(platformName.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
