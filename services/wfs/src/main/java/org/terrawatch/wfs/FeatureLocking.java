package org.terrawatch.wfs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.Kvp;
import org.terrawatch.ows.OwsException;
import org.terrawatch.ows.xml.XmlElement;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.edit.EditContext;
import org.terrawatch.query.edit.EditRefused;
import org.terrawatch.query.edit.FeatureLocks;
import org.terrawatch.query.edit.LayerEditing;
import org.terrawatch.query.filter.FesFilter;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.store.StoreBusy;

/**
 * LockFeature and the lock of GetFeatureWithLock: which features (a layer and a filter, one or more times),
 * for how long (EXPIRY: seconds in 2.0, minutes in 1.x; capped by configuration), and whether all must be
 * locked or only the free ones (LOCKACTION ALL or SOME). Locking needs the right to write the layer.
 */
final class FeatureLocking {

    /** One layer's part of a lock request. */
    record Selection(FeatureType type, Filter filter) {
    }

    private final LayerEditing editing;

    FeatureLocking(LayerEditing editing) {
        this.editing = Objects.requireNonNull(editing, "editing");
    }

    /**
     * Grants the lock. Each selected feature's row is claimed first ({@link LayerEditing#claim}, in a stable order), so
     * a lock is never granted while another request writes or locks the same feature; a request that meets another's
     * lock, or cannot claim a row within the store's lock wait, answers CannotLockAllFeatures — never a 500.
     */
    FeatureLocks.Granted lock(List<Selection> selections, Duration expiry, boolean all, EditContext who) {
        try {
            return editing.inTransaction(() -> {
                List<String> featureIds = new ArrayList<>();
                for (Selection selection : selections) {
                    try {
                        editing.editor(selection.type(), who);
                        List<Object> ids = new ArrayList<>(editing.ids(selection.type(), selection.filter()));
                        ids.sort(Comparator.comparing(String::valueOf));
                        for (Object id : ids) {
                            editing.claim(selection.type(), id);
                            featureIds.add(selection.type().featureId(id));
                        }
                    } catch (EditRefused refused) {
                        throw EditFailures.of(refused, selection.type().qualifiedName());
                    }
                }
                try {
                    return editing.locks().lock(who == null ? "anonymous" : who.username(), featureIds, expiry, all);
                } catch (EditRefused refused) {
                    throw new OwsException(ExceptionCode.CANNOT_LOCK_ALL_FEATURES, "lockAction", refused.getMessage(), refused);
                }
            });
        } catch (DataAccessException contended) {
            if (contended instanceof DuplicateKeyException || StoreBusy.causedBy(contended)) {
                throw new OwsException(ExceptionCode.CANNOT_LOCK_ALL_FEATURES, "lockAction", "Another request was writing or "
                        + "locking these features at the same moment; nothing was locked — try again", contended);
            }
            throw contended;
        }
    }

    static Duration expiry(String value, String version) {
        if (value == null) {
            return Duration.ofMinutes(5);
        }
        try {
            long amount = Long.parseLong(value.strip());
            if (amount <= 0) {
                throw OwsException.invalid("expiry", "expiry is a positive number");
            }
            return version.equals(WfsService.VERSION) ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
        } catch (NumberFormatException e) {
            throw OwsException.invalid("expiry", "expiry is a whole number of " + (version.equals(WfsService.VERSION) ? "seconds" : "minutes"));
        }
    }

    static boolean lockAll(String value) {
        String action = value == null ? "ALL" : value.toUpperCase(Locale.ROOT);
        if (!action.equals("ALL") && !action.equals("SOME")) {
            throw OwsException.invalid("lockAction", "lockAction is ALL or SOME, not " + value);
        }
        return action.equals("ALL");
    }

    /**
     * Refuses a lock id that names no live lock: LockHasExpired for an expired lock, InvalidLockId for one never granted
     * or already released.
     */
    static void requireLive(FeatureLocks locks, String lockId) {
        switch (locks.state(lockId)) {
            case LIVE -> {
            }
            case EXPIRED -> throw new OwsException(ExceptionCode.LOCK_HAS_EXPIRED, "lockId", "Lock " + lockId + " has expired");
            case UNKNOWN -> throw new OwsException(ExceptionCode.INVALID_LOCK_ID, "lockId", "Lock " + lockId + " is unknown or was released");
        }
    }

    /** Whether an XML LockFeature names anything to lock (a wfs:Query, wfs:StoredQuery or, in 1.x, wfs:Lock). */
    static boolean selects(XmlElement root) {
        return root.children().stream().anyMatch(c -> c.name().equals("Query") || c.name().equals("StoredQuery") || c.name().equals("Lock"));
    }

    /** GetFeatureWithLock locks what it returns: a count of hits returns nothing to lock, so it is refused (WFS 2.0, 13.2.4.3). */
    static void checkResults(boolean hits) {
        if (hits) {
            throw OwsException.invalid("resultType", "GetFeatureWithLock returns the features it locks: resultType is results, not hits");
        }
    }

    /**
     * The selections of an XML LockFeature: wfs:Query (2.0) or wfs:Lock (1.x) elements, each with an optional filter,
     * and GetFeatureById stored queries.
     */
    static List<Selection> selections(XmlElement root, FeatureTypeCatalog catalog, String version) {
        Crs crs = version.equals(WfsService.VERSION_1_0) ? Crs.STORAGE : Crs.parse("urn:ogc:def:crs:EPSG::4490", false, "Filter");
        List<Selection> selections = new ArrayList<>();
        for (XmlElement query : root.children()) {
            if (query.name().equals("StoredQuery")) {
                FeatureQuery byId = WfsXmlRequest.storedQuery(query, catalog);
                selections.add(new Selection(byId.type(), byId.filter()));
                continue;
            }
            if (!query.name().equals("Query") && !query.name().equals("Lock")) {
                continue;
            }
            String typeName = query.attributeIgnoringCase("typeNames").or(() -> query.attributeIgnoringCase("typeName"))
                    .orElseThrow(() -> OwsException.missing("typeNames"));
            Filter filter = query.child("Filter").map(f -> FesFilter.parse(f, crs, "Filter")).orElse(Filter.INCLUDE);
            selections.add(new Selection(catalog.require(typeName, query.prefixes(), "typeNames"), filter));
        }
        if (selections.isEmpty()) {
            throw OwsException.missing("Query");
        }
        return selections;
    }

    static Duration expiry(Kvp kvp, String version) {
        return expiry(kvp.get("EXPIRY").orElse(null), version);
    }
}
