package org.terrawatch.monitoring.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.terrawatch.monitoring.StoreFixture.GUANSHAN;
import static org.terrawatch.monitoring.StoreFixture.NOW;
import static org.terrawatch.monitoring.StoreFixture.box;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terrawatch.monitoring.ConcurrentEditException;
import org.terrawatch.monitoring.StoreFixture;
import org.terrawatch.monitoring.audit.AuditEvent;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.audit.Channel;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.calendar.WorkingCalendar;
import org.terrawatch.monitoring.event.ChangeEvent;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.organisation.Role;
import org.terrawatch.monitoring.patch.ChangePatch;
import org.terrawatch.monitoring.patch.PatchStatus;
import org.terrawatch.store.SpatialStore;
import org.terrawatch.store.StoreType;

/** The patch workflow through the one editing path: transitions, field rules, department scope, audit, events. */
class PatchEditorTest {

    private static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), "weixing");
    private static final Actor DUTY = new Actor("duty", Set.of(Role.DUTY_OFFICER), "zhifa");
    private static final Actor GENGDI = new Actor("gengdi", Set.of(Role.DEPARTMENT_HANDLER), "gengdi");
    private static final Actor OTHER_HANDLER = new Actor("zhifa1", Set.of(Role.DEPARTMENT_HANDLER), "zhifa");
    private static final Actor LEADER = new Actor("leader", Set.of(Role.LEADER, Role.VIEWER), "cehui");

    private final List<ChangeEvent> heard = new ArrayList<>();

    private PatchEditor editor(SpatialStore store) {
        ChangeEvents events = new ChangeEvents();
        events.subscribe(heard::add);
        return new PatchEditor(store, new AuditLog(store), events, () -> new Deadlines(new WorkingCalendar(List.of())),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, Object> digitised() {
        return Map.of("geom", box(113.60, 37.80, 113.602, 37.8015), "change_type", "NEW_BUILDING", "after_date", "2026-10-20");
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aPatchGoesThroughItsWholeLifeCycleAndEveryStepIsAudited(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchEditor editor = editor(store);
            ChangePatch patch = editor.create(ANALYST, Channel.WFS_T, digitised());
            assertThat(patch.status()).isEqualTo(PatchStatus.NEW);
            assertThat(patch.location().townshipCode()).isEqualTo(GUANSHAN);
            long id = patch.id();

            editor.update(ANALYST, Channel.WFS_T, id, 0L, Map.of("status", "PRE_CHECKED", "precheck_result", "SUSPECTED_VIOLATION"));
            ChangePatch pushed = editor.update(DUTY, Channel.REST, id, null, Map.of("status", "PUSHED", "responsible_department", "gengdi"));
            assertThat(pushed.pushedAt()).isEqualTo(NOW);
            assertThat(pushed.verificationDue()).isEqualTo(LocalDate.of(2026, 12, 3));
            ChangePatch verified = editor.update(GENGDI, Channel.OGC_API, id, null,
                    Map.of("status", "VERIFIED", "verification_result", "ILLEGAL", "verification_note", "未批先建"));
            assertThat(verified.verification().verifiedBy()).isEqualTo("gengdi");
            assertThatThrownBy(() -> editor.update(DUTY, Channel.REST, id, null, Map.of("status", "CLOSED")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("requires that an illegal change has been handled first");
            editor.update(GENGDI, Channel.OGC_API, id, null, Map.of("status", "HANDLED", "handling", "CASE_FILED"));
            ChangePatch closed = editor.update(DUTY, Channel.REST, id, null, Map.of("status", "CLOSED"));
            assertThat(closed.status()).isEqualTo(PatchStatus.CLOSED);
            assertThat(closed.closedAt()).isEqualTo(NOW);
            assertThat(closed.version()).isEqualTo(5);

            List<AuditEvent> history = new AuditLog(store).history(PatchEditor.KIND, id);
            assertThat(history).extracting(AuditEvent::action).containsExactly("CREATE", "precheck", "push", "verify", "handle", "close");
            assertThat(history).extracting(AuditEvent::actor).containsExactly("analyst", "analyst", "duty", "gengdi", "gengdi", "duty");
            assertThat(history).extracting(AuditEvent::channel)
                    .containsExactly(Channel.WFS_T, Channel.WFS_T, Channel.REST, Channel.OGC_API, Channel.OGC_API, Channel.REST);
            AuditEvent verify = history.get(3);
            assertThat(verify.before()).containsEntry("status", "PUSHED").containsEntry("verification_result", null);
            assertThat(verify.after()).containsEntry("status", "VERIFIED").containsEntry("verification_result", "ILLEGAL")
                    .containsEntry("verified_by", "gengdi");
            assertThat(heard).extracting(ChangeEvent::action).containsExactly("CREATE", "precheck", "push", "verify", "handle", "close");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aPushWithoutADepartmentGoesWhereArticleSixSendsItsCategory(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchEditor routing = new PatchEditor(store, new AuditLog(store), new ChangeEvents(), () -> new Deadlines(new WorkingCalendar(List.of())),
                    Clock.fixed(NOW, ZoneOffset.UTC), Map.of(org.terrawatch.monitoring.patch.PatchCategory.CONSTRUCTION_LAND, "zhifa"));
            long id = routing.create(ANALYST, Channel.REST, digitised()).id();
            routing.update(ANALYST, Channel.REST, id, null, Map.of("status", "PRE_CHECKED", "precheck_result", "SUSPECTED_VIOLATION"));
            ChangePatch pushed = routing.update(ANALYST, Channel.REST, id, null, Map.of("status", "PUSHED"));
            assertThat(pushed.responsibleDepartment()).isEqualTo("zhifa");
            // Named, the push goes where it says; without a routing for the category, the workflow asks for a department.
            long other = routing.create(ANALYST, Channel.REST, digitised()).id();
            routing.update(ANALYST, Channel.REST, other, null, Map.of("status", "PRE_CHECKED", "precheck_result", "SUSPECTED_VIOLATION"));
            assertThat(routing.update(ANALYST, Channel.REST, other, null, Map.of("status", "PUSHED", "responsible_department", "gengdi"))
                    .responsibleDepartment()).isEqualTo("gengdi");
            long unrouted = editor(store).create(ANALYST, Channel.REST, digitised()).id();
            editor(store).update(ANALYST, Channel.REST, unrouted, null, Map.of("status", "PRE_CHECKED", "precheck_result", "SUSPECTED_VIOLATION"));
            assertThatThrownBy(() -> editor(store).update(ANALYST, Channel.REST, unrouted, null, Map.of("status", "PUSHED")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("responsible_department");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void illegalTransitionsForbiddenFieldsAndOtherDepartmentsAreRefusedAndChangeNothing(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchEditor editor = editor(store);
            long id = editor.create(ANALYST, Channel.WFS_T, digitised()).id();
            heard.clear();

            assertThatThrownBy(() -> editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "VERIFIED")))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("Patch 1403212026100001")
                    .hasMessageContaining("no transition from NEW to VERIFIED")
                    .hasMessageContaining("precheck → PRE_CHECKED");
            RuleViolation leader = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> editor.update(LEADER, Channel.WFS_T, id, null, Map.of("precheck_note", "看看")), RuleViolation.class);
            assertThat(leader.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
            assertThat(leader.field()).isEqualTo("precheck_note");
            assertThatThrownBy(() -> editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("area_m2", 5.0)))
                    .hasMessageContaining("area_m2 is computed by the server");
            assertThatThrownBy(() -> editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "PRE_CHECKED", "handling", "RECTIFIED")))
                    .hasMessageContaining("the field handling may not be changed");
            assertThatThrownBy(() -> editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "PRE_CHECKED", "precheck_result", "maybe")))
                    .hasMessageContaining("precheck_result takes one of");

            // Sending computed fields back unchanged (as OGR does) is not a change.
            ChangePatch stored = editor.find(id).orElseThrow();
            ChangePatch same = editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("area_m2", stored.area().squareMetres(),
                    "code", stored.code(), "created_at", stored.createdAt().toString(), "precheck_result", ""));
            assertThat(same.version()).isZero();

            editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "PRE_CHECKED", "precheck_result", "SUSPECTED_VIOLATION"));
            editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "PUSHED", "responsible_department", "gengdi"));
            assertThatThrownBy(() -> editor.update(OTHER_HANDLER, Channel.WFS_T, id, null, Map.of("status", "VERIFYING")))
                    .hasMessageContaining("may act only on what is assigned to their own department, zhifa");
            // What a client offers as buttons is what the write lets pass: nothing on another department's patch.
            ChangePatch pushed = editor.find(id).orElseThrow();
            assertThat(PatchWorkflow.WORKFLOW.next(pushed.status(), pushed, OTHER_HANDLER)).isEmpty();
            assertThat(PatchWorkflow.WORKFLOW.next(pushed.status(), pushed, GENGDI)).extracting(t -> t.to()).contains(PatchStatus.VERIFYING);
            assertThatThrownBy(() -> editor.update(GENGDI, Channel.WFS_T, id, 1L, Map.of("status", "VERIFYING")))
                    .isInstanceOf(ConcurrentEditException.class);

            assertThat(editor.find(id).orElseThrow().status()).isEqualTo(PatchStatus.PUSHED);
            assertThat(new AuditLog(store).history(PatchEditor.KIND, id)).hasSize(3);
            assertThat(heard).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void aRolledBackTransactionLeavesNoPatchNoAuditAndNoEvent(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchEditor editor = editor(store);
            long id = editor.create(ANALYST, Channel.WFS_T, digitised()).id();
            heard.clear();
            assertThatThrownBy(() -> store.inTransaction(() -> {
                editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("precheck_note", "first action"));
                editor.create(ANALYST, Channel.WFS_T, digitised());
                return editor.update(ANALYST, Channel.WFS_T, id, null, Map.of("status", "CLOSED"));
            })).isInstanceOf(RuleViolation.class);
            assertThat(editor.find(id).orElseThrow().precheckNote()).isNull();
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM change_patch").query(Long.class).single()).isEqualTo(1);
            assertThat(new AuditLog(store).history(PatchEditor.KIND, id)).hasSize(1);
            assertThat(heard).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreType.class)
    void deletingIsForAdministratorsOrAnAnalystsNewPatch(StoreType type) {
        try (SpatialStore store = StoreFixture.openWithAdminUnits(type)) {
            PatchEditor editor = editor(store);
            long id = editor.create(ANALYST, Channel.WFS_T, digitised()).id();
            assertThatThrownBy(() -> editor.delete(DUTY, Channel.WFS_T, id, null)).hasMessageContaining("may not delete it");
            editor.delete(ANALYST, Channel.WFS_T, id, 0L);
            assertThat(editor.find(id)).isEmpty();
            assertThat(new AuditLog(store).history(PatchEditor.KIND, id)).extracting(AuditEvent::action).containsExactly("CREATE", "DELETE");
        }
    }

    @org.junit.jupiter.api.Test
    void theReadmeShowsTheWorkflowAsDefined() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        String patches = PatchWorkflow.WORKFLOW.mermaid(PatchStatus.NEW, s -> org.terrawatch.monitoring.Labels.zh(s));
        assertThat(readme).as("README's patch state diagram; regenerate it from PatchWorkflow").contains(patches);
        String orders = WorkOrderWorkflow.WORKFLOW.mermaid(org.terrawatch.monitoring.workorder.WorkOrderState.DISPATCHED,
                s -> org.terrawatch.monitoring.Labels.zh(s));
        assertThat(readme).as("README's work-order state diagram; regenerate it from WorkOrderWorkflow").contains(orders);
    }
}
