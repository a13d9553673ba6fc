package org.terrawatch.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.terrawatch.monitoring.admin.AdminUnitRepository;
import org.terrawatch.monitoring.admin.Jurisdiction;
import org.terrawatch.monitoring.attachment.AttachmentStore;
import org.terrawatch.monitoring.baselayer.BaseFeature;
import org.terrawatch.monitoring.baselayer.BaseLayerRepository;
import org.terrawatch.monitoring.baselayer.BaseLayerVersion;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.workflow.Actor;
import org.terrawatch.monitoring.workflow.RuleViolation;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.submission.format.CrsDefinitions;
import org.terrawatch.submission.format.SourceFeature;
import org.terrawatch.submission.format.SourceLayer;
import org.terrawatch.submission.format.SourceReaders;

/**
 * A department's hand-in of a base layer (city rules, articles 13 and 16), whatever interface it comes through: the
 * file read ({@link SourceReaders}), its CRS checked ({@link CrsCheck}), every feature's geometry checked
 * ({@link GeometryCheck}) and attributes mapped ({@link FieldMapping}); if every feature passes, the layer's next
 * version (effective from the month's first day, or the change's approval day), the submission's record and the file
 * itself commit in one transaction; if anything is refused, only the record of the refused attempt and its report are
 * kept, and the base layers stay as they were.
 *
 * <p>Who may hand in a layer: staff of the department {@code submissions.yml} names for it, and — on behalf of any
 * department, as article 13 has the surveying section register what it receives offline — the registrar section's
 * staff and administrators.
 */
public final class SubmissionIntake {

    /** What a hand-in names, as the request parts give it (text as sent; parsed and checked here). */
    public record Request(String layer, String month, String effective, String approved, String department, String crs,
                          String repair, String fileName, byte[] content) {
    }

    private final SpatialStore store;
    private final List<SubmittedLayer> layers;
    private final Map<String, List<String>> aliases;
    private final String registrar;
    private final AttachmentStore files;
    private final Supplier<Deadlines> deadlines;
    private final Clock clock;

    /**
     * @param aliases   per base-layer field, the field names departments' files use for it
     * @param registrar the department that registers hand-ins (the surveying section, {@code cehui})
     */
    public SubmissionIntake(SpatialStore store, List<SubmittedLayer> layers, Map<String, List<String>> aliases, String registrar,
                            AttachmentStore files, Supplier<Deadlines> deadlines, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.layers = List.copyOf(layers);
        this.aliases = Map.copyOf(aliases);
        this.registrar = registrar;
        this.files = Objects.requireNonNull(files, "files");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<SubmittedLayer> layers() {
        return layers;
    }

    public String registrar() {
        return registrar;
    }

    /**
     * @return the submission as registered: {@link Submission.State#ACCEPTED} with its version, or REFUSED with its report
     * @throws SubmissionRefused  for a request that names no handed-in layer or a month that cannot be (nothing recorded)
     * @throws RuleViolation      when the actor may not hand in that layer (nothing recorded)
     */
    public Submission handIn(Request request, Actor actor) {
        SubmittedLayer layer = layer(request.layer());
        String department = department(layer, request.department(), actor);
        Instant now = clock.instant();
        YearMonth month = month(request.month(), now);
        LocalDate approved = day(request.approved(), "approved");
        Submission.Kind kind = approved == null ? Submission.Kind.MONTHLY : Submission.Kind.CHANGE;
        if (approved != null && request.month() != null && !YearMonth.from(approved).equals(month)) {
            throw new SubmissionRefused("BAD_MONTH", "A change approved on " + approved + " belongs to " + YearMonth.from(approved)
                    + ", not " + month);
        }
        LocalDate effective = approved != null ? approved : request.effective() != null ? day(request.effective(), "effective")
                : month.atDay(1);
        Deadlines rules = deadlines.get();
        Instant due = Deadlines.endOf(kind == Submission.Kind.CHANGE ? rules.changeSubmissionDue(approved) : rules.submissionDue(month));
        String fileName = request.fileName() == null || request.fileName().isBlank() ? "submission" : request.fileName().strip();
        Submission draft = new Submission(0, layer.name(), month, kind, effective, due, department, actor.username(), now, fileName,
                null, null, null, 0, 0, 0, Submission.State.REFUSED, null, null, null, 0, SubmissionReport.empty().json());
        SourceLayer source;
        CrsCheck.Accepted crs;
        try {
            CoordinateReferenceSystem declared = request.crs() == null || request.crs().isBlank() ? null
                    : CrsDefinitions.fromCode(request.crs(), "the crs part");
            source = SourceReaders.read(request.content(), fileName, declared, layer.name());
            if (declared != null && source.crs() != null && !Utilities.equalsIgnoreMetadata(declared, source.crs())) {
                throw new SubmissionRefused("CRS_DISAGREES", "The crs part says " + request.crs() + " but the file says "
                        + source.crs().getName().getCode() + " (" + source.crsSource() + "): which is right?");
            }
            crs = CrsCheck.check(source.crs() != null ? source.crs() : declared, source.crs() != null ? source.crsSource() : "the crs part");
        } catch (SubmissionRefused e) {
            return record(with(draft, null, null, null, 0, 0, 0, e.code(), e.getMessage(), SubmissionReport.empty()), null, request.content());
        }
        FieldMapping mapping = FieldMapping.of(source.fields(), aliases);
        GeometryCheck geometries = new GeometryCheck(crs.toStorage(), Jurisdiction.of(store).extent(), mergeParts(request.repair()));
        AdminUnitRepository admin = new AdminUnitRepository(store);
        List<FeatureOutcome> outcomes = new ArrayList<>();
        List<BaseFeature> features = new ArrayList<>();
        for (SourceFeature feature : source.features()) {
            String label = mapping.text(feature.attributes(), "name") != null ? mapping.text(feature.attributes(), "name")
                    : mapping.text(feature.attributes(), "reference");
            if (feature.unreadable() != null) {
                outcomes.add(FeatureOutcome.refused(feature.number(), label, "UNREADABLE_GEOMETRY", feature.unreadable()));
                continue;
            }
            GeometryCheck.Checked checked = geometries.check(feature.geometry(), feature.repaired());
            if (checked.geometry() == null) {
                outcomes.add(FeatureOutcome.refused(feature.number(), label, checked.code(), checked.message()));
                continue;
            }
            try {
                Map<String, String> a = feature.attributes();
                String county = mapping.text(a, "county_code");
                if (county == null) {
                    county = admin.locate(checked.geometry().getInteriorPoint()).countyCode();
                }
                features.add(BaseFeature.of(layer.kind(), mapping.text(a, "name"), mapping.text(a, "reference"), mapping.text(a, "holder"),
                        mapping.date(a, "valid_from"), mapping.date(a, "valid_to"), mapping.text(a, "land_class"), county, checked.geometry()));
                outcomes.add(new FeatureOutcome(feature.number(), label, checked.status(), checked.code(), checked.message()));
            } catch (IllegalArgumentException e) {
                outcomes.add(FeatureOutcome.refused(feature.number(), label, "BAD_VALUE", e.getMessage()));
            }
        }
        SubmissionReport report = new SubmissionReport(source.format().name(), source.encoding(), crs.name(), source.crsSource(),
                mapping.sources(), mapping.unmapped(), outcomes);
        int repaired = (int) report.count(FeatureOutcome.Status.REPAIRED);
        int refused = (int) report.count(FeatureOutcome.Status.REFUSED);
        Submission read = with(draft, source.format().name(), source.encoding(), crs.name(), outcomes.size(), repaired, refused,
                null, null, report);
        if (outcomes.isEmpty()) {
            return record(with(read, "EMPTY", "The file holds no feature: a base layer version is the whole layer"), null, request.content());
        }
        if (refused > 0) {
            return record(with(read, "REFUSED_FEATURES", refused + " of " + outcomes.size() + " features were refused, so the layer stays "
                    + "as it was (a version is the whole layer): " + String.join("; ", report.firstRefusals(3))
                    + (refused > 3 ? "; …" : "") + " — the report lists every feature"), null, request.content());
        }
        return store.inTransaction(() -> {
            BaseLayerVersion version = new BaseLayerRepository(store).handIn(layer.kind(), department, effective,
                    description(layer, month, kind, fileName), features, now);
            return record(with(read, null, null), version, request.content());
        });
    }

    private Submission record(Submission submission, BaseLayerVersion version, byte[] content) {
        return store.inTransaction(() -> {
            Submission accepted = version == null ? submission : new Submission(0, submission.layer(), submission.month(), submission.kind(),
                    submission.effectiveDate(), submission.dueAt(), submission.department(), submission.submittedBy(), submission.receivedAt(),
                    submission.fileName(), submission.format(), submission.encoding(), submission.crs(), submission.features(),
                    submission.repaired(), submission.refused(), Submission.State.ACCEPTED, null, null, version.id(), version.version(),
                    submission.report());
            Submission stored = new SubmissionRepository(store).add(accepted);
            files.add("SUBMISSION", stored.id(), submission.fileName(), "application/octet-stream", files.write(content,
                    org.terrawatch.monitoring.Sha256.hex(content)), null, null, null, submission.submittedBy(), submission.receivedAt());
            return stored;
        });
    }

    private static Submission with(Submission s, String format, String encoding, String crs, int features, int repaired, int refused,
                                   String code, String reason, SubmissionReport report) {
        return new Submission(0, s.layer(), s.month(), s.kind(), s.effectiveDate(), s.dueAt(), s.department(), s.submittedBy(),
                s.receivedAt(), s.fileName(), format, encoding, crs, features, repaired, refused, Submission.State.REFUSED, code, reason,
                null, 0, report.json());
    }

    private static Submission with(Submission s, String code, String reason) {
        return new Submission(0, s.layer(), s.month(), s.kind(), s.effectiveDate(), s.dueAt(), s.department(), s.submittedBy(),
                s.receivedAt(), s.fileName(), s.format(), s.encoding(), s.crs(), s.features(), s.repaired(), s.refused(),
                Submission.State.REFUSED, code, reason, null, 0, s.report());
    }

    private static String description(SubmittedLayer layer, YearMonth month, Submission.Kind kind, String fileName) {
        return (kind == Submission.Kind.CHANGE ? "变更汇交 " : month + " 月度汇交 ") + fileName;
    }

    public SubmittedLayer layer(String name) {
        if (name == null || name.isBlank()) {
            throw new SubmissionRefused("UNKNOWN_LAYER", "Name the base layer handed in (the layer part), one of " + names());
        }
        return layers.stream().filter(l -> l.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new SubmissionRefused("UNKNOWN_LAYER", "No base layer " + name + " is handed in; these are: " + names()));
    }

    private String names() {
        return String.join(", ", layers.stream().map(SubmittedLayer::name).toList());
    }

    private String department(SubmittedLayer layer, String onBehalfOf, Actor actor) {
        if (actor == null || actor.anonymous()) {
            throw RuleViolation.forbidden("submission", "layer", "Sign in to hand in base data");
        }
        boolean registers = actor.has(Role.ADMIN) || (registrar != null && registrar.equals(actor.departmentCode()));
        if (onBehalfOf != null && !onBehalfOf.isBlank() && !onBehalfOf.strip().equals(actor.departmentCode())) {
            if (!registers) {
                throw RuleViolation.forbidden("submission", "department", "Only the registrar section (" + registrar
                        + ") and administrators hand in on behalf of another department");
            }
            return onBehalfOf.strip();
        }
        if (registers) {
            return layer.department();
        }
        if (!layer.department().equals(actor.departmentCode())) {
            throw RuleViolation.forbidden("submission", "layer", layer.name() + " is handed in by " + layer.department() + ", not by "
                    + (actor.departmentCode() == null ? "a user without a department" : actor.departmentCode()));
        }
        return layer.department();
    }

    private static boolean mergeParts(String repair) {
        if (repair == null || repair.isBlank()) {
            return false;
        }
        if (!repair.strip().equals("merge-parts")) {
            throw new SubmissionRefused("BAD_REPAIR", "The repair part takes merge-parts (merge parts of a feature that share edges or "
                    + "overlap), not " + repair);
        }
        return true;
    }

    private static YearMonth month(String text, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(Deadlines.CHINA));
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.isAfter(current)) {
                throw new SubmissionRefused("BAD_MONTH", "The month " + month + " has not begun");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new SubmissionRefused("BAD_MONTH", "The month " + text + " is not a month like 2026-11");
        }
    }

    private static LocalDate day(String text, String part) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SubmissionRefused("BAD_DATE", "The " + part + " part " + text + " is not a day like 2026-11-03");
        }
    }
}
