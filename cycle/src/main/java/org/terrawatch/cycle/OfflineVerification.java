package org.terrawatch.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchRepository;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.monitoring.patch.VerificationResult;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.SubmissionRefused;
import org.terrawatch.submission.format.SourceFeature;
import org.terrawatch.submission.format.SourceLayer;
import org.terrawatch.submission.format.SourceReaders;

/**
 * A department's verification results handed back as a file (city rules, article 14: "离线拷贝"): the pushed patches as a
 * zipped Shapefile, GeoPackage, GeoJSON or CSV, one row per patch, matched by its code ({@code code}, 图斑编号, TBBH,
 * JCBH), with its result ({@code verification_result}, 核查结果: 合法, 违法, 非真实变化, 其他 — or LEGAL, ILLEGAL,
 * NOT_REAL_CHANGE, OTHER) and note ({@code verification_note}, 核查说明). Each patch is verified through the one patch
 * workflow as the department's user, in its own transaction, exactly as if it had been entered online — so the rules
 * (only the department's own pushed patches, a result required) hold, the audit says who, and a refusal of one
 * patch does not stop the others; every refusal is listed with its reason.
 */
public final class OfflineVerification {

    static final List<String> CODE = List.of("code", "patch_code", "图斑编号", "监测图斑编号", "TBBH", "JCBH", "BH");
    static final List<String> RESULT = List.of("verification_result", "核查结果", "HCJG", "result");
    static final List<String> NOTE = List.of("verification_note", "核查说明", "核查情况", "备注", "HCSM", "BZ", "note");

    /** One row's fate. */
    public record Line(int number, String code, boolean applied, String reason) {
    }

    /** What the file did: the rows applied and refused, in file order. */
    public record Outcome(String format, String encoding, List<Line> lines) {

        public long applied() {
            return lines.stream().filter(Line::applied).count();
        }

        public List<Line> refused() {
            return lines.stream().filter(l -> !l.applied()).toList();
        }
    }

    private final SpatialStore store;
    private final PatchEditor editor;

    public OfflineVerification(SpatialStore store, PatchEditor editor) {
        this.store = Objects.requireNonNull(store, "store");
        this.editor = Objects.requireNonNull(editor, "editor");
    }

    /** @throws SubmissionRefused when the file cannot be read or has no code column */
    public Outcome apply(byte[] content, String fileName, Actor actor) {
        SourceLayer layer = SourceReaders.readAttributes(content, fileName);
        String code = column(layer.fields(), CODE);
        String result = column(layer.fields(), RESULT);
        String note = column(layer.fields(), NOTE);
        if (code == null || result == null) {
            throw new SubmissionRefused("NO_CODE", "The file needs a column with the patch code (" + String.join(", ", CODE)
                    + ") and one with the verification result (" + String.join(", ", RESULT) + "); it has " + String.join(", ", layer.fields()));
        }
        PatchRepository patches = new PatchRepository(store);
        List<Line> lines = new ArrayList<>();
        for (SourceFeature row : layer.features()) {
            String patchCode = text(row.attributes().get(code));
            if (patchCode == null) {
                lines.add(new Line(row.number(), null, false, "no patch code"));
                continue;
            }
            ChangePatch patch = patches.findByCode(patchCode).orElse(null);
            if (patch == null) {
                lines.add(new Line(row.number(), patchCode, false, "no patch " + patchCode));
                continue;
            }
            VerificationResult verdict = verdict(text(row.attributes().get(result)));
            if (verdict == null) {
                lines.add(new Line(row.number(), patchCode, false, "the result \"" + row.attributes().get(result)
                        + "\" is none of 合法, 违法, 非真实变化, 其他 (LEGAL, ILLEGAL, NOT_REAL_CHANGE, OTHER)"));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("verification_result", verdict.name());
            String remark = note == null ? null : text(row.attributes().get(note));
            if (remark != null) {
                values.put("verification_note", remark);
            }
            if (patch.status() != PatchStatus.VERIFIED) {
                values.put("status", PatchStatus.VERIFIED.name());
            }
            try {
                editor.update(actor, Channel.REST, patch.id(), null, values);
                lines.add(new Line(row.number(), patchCode, true, null));
            } catch (RuleViolation | ConcurrentEditException | IllegalArgumentException e) {
                lines.add(new Line(row.number(), patchCode, false, e.getMessage()));
            }
        }
        return new Outcome(layer.format().name(), layer.encoding(), lines);
    }

    static VerificationResult verdict(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "合法", "LEGAL", "合法用地", "合规" -> VerificationResult.LEGAL;
            case "违法", "ILLEGAL", "违法用地", "违法违规", "疑似违法" -> VerificationResult.ILLEGAL;
            case "非真实变化", "NOT_REAL_CHANGE", "伪变化", "不是真实变化", "无变化" -> VerificationResult.NOT_REAL_CHANGE;
            case "其他", "OTHER" -> VerificationResult.OTHER;
            default -> null;
        };
    }

    private static String column(List<String> fields, List<String> names) {
        for (String name : names) {
            for (String field : fields) {
                if (field.equalsIgnoreCase(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
