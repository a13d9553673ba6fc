package org.terrawatch.app.editing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.terrawatch.app.config.TerraWatchProperties;
import org.terrawatch.app.intake.IntakeProperties;
import org.terrawatch.monitoring.alert.AlertIntake;
import org.terrawatch.monitoring.audit.AuditLog;
import org.terrawatch.monitoring.calendar.CalendarRepository;
import org.terrawatch.monitoring.calendar.Deadlines;
import org.terrawatch.monitoring.event.ChangeEvents;
import org.terrawatch.monitoring.workflow.AlertEditor;
import org.terrawatch.monitoring.workflow.PatchEditor;
import org.terrawatch.monitoring.workflow.WorkOrderEditor;
import org.terrawatch.ogcapi.ItemEditing;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.access.ReadRule;
import org.terrawatch.query.edit.FeatureEditor;
import org.terrawatch.query.edit.FeatureLocks;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.query.edit.TableEditor;
import org.terrawatch.store.SpatialStore;

/**
 * The one editing path and what listens to it: the patch and work-order editors, the layers they write
 * (any layer over {@code change_patch} or {@code work_order_feature}), WFS locks, and the after-commit
 * events — re-published as Spring application events, and used here to forget edited layers' bounds.
 */
@Configuration(proxyBeanMethods = false)
public class EditingConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public AuditLog auditLog(SpatialStore store) {
        return new AuditLog(store);
    }

    @Bean
    public ChangeEvents changeEvents(ApplicationEventPublisher publisher) {
        ChangeEvents events = new ChangeEvents();
        events.subscribe(publisher::publishEvent);
        return events;
    }

    @Bean
    public PatchEditor patchEditor(SpatialStore store, AuditLog audit, ChangeEvents events, Clock clock,
                                   org.terrawatch.app.config.OrganisationProperties organisation) {
        return new PatchEditor(store, audit, events, () -> new Deadlines(new CalendarRepository(store).load()), clock,
                organisation.pushRouting());
    }

    @Bean
    public WorkOrderEditor workOrderEditor(SpatialStore store, AuditLog audit, ChangeEvents events, Clock clock) {
        return new WorkOrderEditor(store, audit, events, clock);
    }

    @Bean
    public AlertEditor alertEditor(SpatialStore store, AuditLog audit, ChangeEvents events, IntakeProperties intake, Clock clock) {
        return new AlertEditor(store, audit, events, java.util.Set.copyOf(intake.falseAlarmReasons()), clock);
    }

    @Bean
    public ItemEditing itemEditing(FeatureTypeCatalog catalog, LayerEditing editing) {
        return new ItemEditing(catalog, editing);
    }

    @Bean
    public LayerEditing layerEditing(SpatialStore store, FeatureSource source, FeatureTypeCatalog catalog, PatchEditor patches,
                                     WorkOrderEditor orders, AlertEditor alerts, ChangeEvents events, TerraWatchProperties properties,
                                     Clock clock) {
        Map<String, FeatureEditor> editors = new LinkedHashMap<>();
        Map<String, String> layerOfKind = new LinkedHashMap<>();
        for (FeatureType type : catalog.all()) {
            switch (type.definition().relation()) {
                case "change_patch" -> {
                    editors.put(type.name(), new PatchLayerEditor(patches));
                    layerOfKind.put(PatchEditor.KIND, type.name());
                }
                case "work_order_feature" -> {
                    editors.put(type.name(), new WorkOrderLayerEditor(orders));
                    layerOfKind.put(WorkOrderEditor.KIND, type.name());
                }
                case "alert" -> {
                    editors.put(type.name(), new AlertLayerEditor(alerts));
                    layerOfKind.put(AlertIntake.KIND, type.name());
                }
                default -> {
                    if (!type.definition().writeRoles().isEmpty()) {
                        editors.put(type.name(), new TableEditor(store, type));
                    }
                }
            }
            if (type.definition().writeRoles().contains(ReadRule.ANONYMOUS)
                    && !(properties.security().conformanceTesting() && editors.get(type.name()) instanceof TableEditor)) {
                throw new IllegalStateException("Layer " + type.name() + " names ANONYMOUS among its write-roles: only test data of the "
                        + "conformance set-up (security.conformance-testing, conformance/cite) may be written by anybody");
            }
        }
        events.subscribe(event -> {
            source.forgetBounds(layerOfKind.getOrDefault(event.entityKind(), ""));
            if (event.entityKind().equals(PatchEditor.KIND)) {
                catalog.over("patch_history").forEach(t -> source.forgetBounds(t.name()));
            }
        });
        FeatureLocks locks = new FeatureLocks(store, properties.editing().maxLockExpiry(), clock);
        return new LayerEditing(store, source, locks, editors, properties.security().conformanceTesting());
    }
}
