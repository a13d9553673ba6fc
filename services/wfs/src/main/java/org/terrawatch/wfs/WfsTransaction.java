package org.terrawatch.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;
import org.terrawatch.query.edit.FeatureEditor;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.query.filter.Filter;

/**
 * Carries out a Transaction: every action, in order, in one store transaction through the layers' editors —
 * all or nothing. A refused action rolls everything back and is reported with its handle (or the feature id)
 * as locator. Features locked by another lock are refused; the transaction's own lock is released afterwards
 * (all of it, or with releaseAction SOME only the features changed, the rest renewed).
 */
final class WfsTransaction {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WfsTransaction.class);

    private final LayerEditing editing;

    WfsTransaction(LayerEditing editing) {
        this.editing = Objects.requireNonNull(editing, "editing");
    }

    TransactionResult execute(TransactionRequest request, EditContext who) {
        if (request.lockId() != null) {
            FeatureLocking.requireLive(editing.locks(), request.lockId());
        }
        return editing.inTransaction(() -> {
            long[] counts = new long[4];
            List<TransactionResult.Changed> inserted = new ArrayList<>();
            List<TransactionResult.Changed> updated = new ArrayList<>();
            List<TransactionResult.Changed> replaced = new ArrayList<>();
            List<String> touched = new ArrayList<>();
            int done = 0;
            for (TransactionAction action : request.actions()) {
                if (LOG.isDebugEnabled() && done > 0 && done % 100 == 0) {
                    LOG.debug("Transaction {} by {}: {} of {} actions applied, not yet committed", request.handle(),
                            who == null ? "anonymous" : who.username(), done, request.actions().size());
                }
                done++;
                String locator = action.handle();
                try {
                    if (action instanceof TransactionAction.Insert insert) {
                        for (TransactionAction.NewFeature feature : insert.features()) {
                            Object id = editor(feature.type(), who).insert(who, feature.values());
                            inserted.add(new TransactionResult.Changed(insert.handle(), feature.type().featureId(id)));
                            counts[0]++;
                        }
                    } else if (action instanceof TransactionAction.Update update) {
                        FeatureEditor editor = editor(update.type(), who);
                        for (Object id : ids(update.type(), update.filter())) {
                            locator = locator == null ? update.type().featureId(id) : locator;
                            checkLock(update.type(), id, request.lockId(), touched);
                            editor.update(who, id, update.expectedVersion(), update.values());
                            updated.add(new TransactionResult.Changed(update.handle(), update.type().featureId(id)));
                            counts[1]++;
                        }
                    } else if (action instanceof TransactionAction.Replace replace) {
                        FeatureType type = replace.feature().type();
                        FeatureEditor editor = editor(type, who);
                        for (Object id : ids(type, replace.filter())) {
                            locator = locator == null ? type.featureId(id) : locator;
                            checkLock(type, id, request.lockId(), touched);
                            editor.replace(who, id, replace.expectedVersion(), replace.feature().values());
                            replaced.add(new TransactionResult.Changed(replace.handle(), type.featureId(id)));
                            counts[2]++;
                        }
                    } else if (action instanceof TransactionAction.Delete delete) {
                        FeatureEditor editor = editor(delete.type(), who);
                        for (Object id : ids(delete.type(), delete.filter())) {
                            locator = locator == null ? delete.type().featureId(id) : locator;
                            checkLock(delete.type(), id, request.lockId(), touched);
                            editor.delete(who, id, delete.expectedVersion());
                            counts[3]++;
                        }
                    }
                } catch (EditRefused refused) {
                    throw EditFailures.of(refused, locator);
                }
            }
            if (request.lockId() != null) {
                if (request.releaseAll()) {
                    editing.locks().release(request.lockId(), null);
                } else {
                    editing.locks().release(request.lockId(), touched);
                    editing.locks().renew(request.lockId());
                }
            }
            return new TransactionResult(counts[0], counts[1], counts[2], counts[3], inserted, updated, replaced);
        });
    }

    private FeatureEditor editor(FeatureType type, EditContext who) {
        return editing.editor(type, who);
    }

    private List<Object> ids(FeatureType type, Filter filter) {
        return editing.ids(type, filter);
    }

    /** Claims the feature; a locked one without the request naming a lock is MissingParameterValue on lockId (WFS 2.0). */
    private void checkLock(FeatureType type, Object id, String lockId, List<String> touched) {
        try {
            editing.claimForWrite(type, id, lockId);
        } catch (EditRefused refused) {
            if (refused.reason() == EditRefused.Reason.LOCKED && lockId == null) {
                throw new OwsException(ExceptionCode.MISSING_PARAMETER_VALUE, "lockId", refused.getMessage(), refused);
            }
            throw refused;
        }
        touched.add(type.featureId(id));
    }
}
