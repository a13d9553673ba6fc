package org.terrawatch.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.terrawatch.app.security.SignedIn;
import org.terrawatch.monitoring.EntityNotFoundException;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureSource;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.FeatureTypeCatalog;
import org.terrawatch.query.access.ReadDenied;
import org.terrawatch.query.access.ReadOperation;
import org.terrawatch.query.access.Reader;
import org.terrawatch.query.filter.Filter;

/**
 * Who may read a record through the REST API — a patch, a work order, an alert, and their histories and files: whoever
 * may read it as a feature of the layer published over its table, by the same read rules as WFS and OGC API (a record
 * of a table no layer publishes: nobody). A record the caller may not read is, to them, no such record.
 */
@Component
public class RecordReads {

    private final FeatureSource source;
    private final FeatureTypeCatalog catalog;

    public RecordReads(FeatureSource source, FeatureTypeCatalog catalog) {
        this.source = source;
        this.catalog = catalog;
    }

    /**
     * Whether the request's caller may read the record of that id in the relation; of a record that is gone (a deleted
     * patch, whose history stays), whether the caller reads the whole layer.
     */
    public boolean mayRead(String relation, long id, HttpServletRequest request) {
        for (FeatureType type : catalog.over(relation)) {
            FeatureQuery one = new FeatureQuery(type, new Filter.ResourceId(Set.of(type.featureId(id))), null, 0, 1L, null, null);
            try {
                if (source.count(one, SignedIn.reader(request)) > 0) {
                    return true;
                }
                boolean gone = source.count(one, Reader.SYSTEM) == 0;
                if (gone && source.rules().restriction(type, ReadOperation.FEATURES, SignedIn.reader(request))
                        .filter(Filter.INCLUDE::equals).isPresent()) {
                    return true;
                }
            } catch (ReadDenied denied) {
                // not this layer: perhaps another over the same table
            }
        }
        return false;
    }

    /**
     * Refuses a record the caller may not read: as not signed in when nobody is (so a client asks for credentials), as
     * not found otherwise.
     */
    public void require(String relation, long id, String what, HttpServletRequest request) {
        if (!mayRead(relation, id, request)) {
            if (SignedIn.actor(request) == null) {
                throw new ApiRequests.NotSignedIn("Sign in to read " + what);
            }
            throw new EntityNotFoundException(what);
        }
    }
}
