package org.terrawatch.query.edit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.access.ReadRule;
import org.terrawatch.query.filter.Filter;
import org.terrawatch.store.SpatialStore;

/**
 * Which layers can be written, by whom, and the transaction their edits run in — shared by WFS-T and OGC API
 * Part 4. A layer is writable when the server has a {@link FeatureEditor} for it and {@code layers.yml}
 * names the roles that may write it; the editor then applies the layer's own rules (the workflows).
 */
public final class LayerEditing {

    /** The most features one Update or Delete may select by filter. */
    public static final int MAX_FEATURES_PER_ACTION = 10_000;

    private final SpatialStore store;
    private final FeatureSource source;
    private final FeatureLocks locks;
    private final Map<String, FeatureEditor> editors;
    private final boolean anonymousWrites;

    /** @param editors by layer name */
    public LayerEditing(SpatialStore store, FeatureSource source, FeatureLocks locks, Map<String, FeatureEditor> editors) {
        this(store, source, locks, editors, false);
    }

    /**
     * @param anonymousWrites whether a caller nobody signed in as may write the layers whose write-roles name
     *                        {@value ReadRule#ANONYMOUS} (the OGC test suites' set-up only); otherwise such layers are refused
     */
    public LayerEditing(SpatialStore store, FeatureSource source, FeatureLocks locks, Map<String, FeatureEditor> editors,
                        boolean anonymousWrites) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.editors = Map.copyOf(editors);
        this.anonymousWrites = anonymousWrites;
    }

    public boolean editable(FeatureType type) {
        return editors.containsKey(type.name()) && !type.definition().writeRoles().isEmpty();
    }

    /**
     * The layer's editor for this user.
     *
     * @param who null for an anonymous request
     * @throws EditRefused FORBIDDEN for a read-only layer or a user without a write role; UNAUTHENTICATED
     *                     when nobody is signed in (unless anonymous writes are on and the layer names ANONYMOUS)
     */
    public FeatureEditor editor(FeatureType type, EditContext who) {
        if (!editable(type)) {
            throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "Layer " + type.name() + " is read-only");
        }
        List<String> allowed = type.definition().writeRoles();
        if (who == null) {
            if (anonymousWrites && allowed.contains(ReadRule.ANONYMOUS)) {
                return editors.get(type.name());
            }
            throw new EditRefused(EditRefused.Reason.UNAUTHENTICATED, null, "Writing layer " + type.name() + " needs a signed-in user");
        }
        if (who.roles().stream().noneMatch(allowed::contains)) {
            throw new EditRefused(EditRefused.Reason.FORBIDDEN, null, "User " + who.username() + " " + who.roles().stream().sorted().toList()
                    + " may not write layer " + type.name() + "; that needs one of the roles " + allowed);
        }
        return editors.get(type.name());
    }

    /** The layer's editor without a check of the user (for reading versions). */
    public FeatureEditor editorOf(FeatureType type) {
        return editors.get(type.name());
    }

    /**
     * Readies a feature to be written in the current transaction, whatever the interface (WFS-T, OGC API, REST): takes
     * its row lock, then refuses it ({@link EditRefused} LOCKED) if a WFS lock other than {@code lockId} holds it. A
     * lock grant takes the same row lock ({@link #claim}), so a write can never slip in between a lock being granted and
     * used, nor a lock be granted on a feature while a write of it is on its way.
     *
     * @param lockId the lock the request presents, or null
     */
    public void claimForWrite(FeatureType type, Object id, String lockId) {
        claim(type, id);
        locks.checkWritable(type.featureId(id), lockId);
    }

    /** Takes the feature's row lock for the rest of the current transaction; see {@link #claimForWrite}. */
    public void claim(FeatureType type, Object id) {
        FeatureEditor editor = editors.get(type.name());
        if (editor != null) {
            editor.claim(id);
        }
    }

    public <T> T inTransaction(Supplier<T> work) {
        return store.inTransaction(work);
    }

    /**
     * The identity values of the features a filter selects, in the current transaction. Resource ids name
     * them directly (the editor then finds or misses each); any other filter is run.
     */
    public List<Object> ids(FeatureType type, Filter filter) {
        if (filter instanceof Filter.ResourceId resources) {
            String prefix = type.name() + ".";
            return resources.ids().stream().filter(id -> id.startsWith(prefix)).sorted()
                    .<Object>map(id -> id.substring(prefix.length())).toList();
        }
        try {
            return source.ids(type, filter, MAX_FEATURES_PER_ACTION);
        } catch (IllegalArgumentException e) {
            throw new EditRefused(EditRefused.Reason.INVALID, null, e.getMessage());
        }
    }

    public FeatureLocks locks() {
        return locks;
    }

    public FeatureSource source() {
        return source;
    }
}
