package org.terrawatch.query.filter;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one filter model: ECQL ({@code CQL_FILTER}), FES 2.0 XML and CQL2 all parse into it, and the SQL
 * compiler is its only reader. Geometries and envelopes are in the storage CRS (EPSG:4490, x = longitude);
 * parsers reproject what the request gave in another CRS or axis order. Property names are as requested;
 * the compiler checks them against the feature type.
 */
public sealed interface Filter {

    Filter INCLUDE = new Include();
    Filter EXCLUDE = new Exclude();

    /** Every feature. */
    record Include() implements Filter {
    }

    /** No feature. */
    record Exclude() implements Filter {
    }

    enum Operator { EQ, NE, LT, LE, GT, GE }

    /** {@code property operator literal}; the literal is converted to the property's type. */
    record Comparison(String property, Operator operator, Object literal) implements Filter {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(literal, "literal");
        }
    }

    /** SQL-style pattern: {@code %} any run, {@code _} one character. */
    record Like(String property, String pattern, boolean matchCase) implements Filter {
    }

    record IsNull(String property) implements Filter {
    }

    record Between(String property, Object lower, Object upper) implements Filter {
    }

    record In(String property, List<Object> values) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
    }

    /** Features whose geometry intersects the envelope; property null means the default geometry. */
    record BBox(String property, Envelope envelope) implements Filter {
    }

    enum SpatialOperator { INTERSECTS, DISJOINT, CONTAINS, WITHIN, TOUCHES, CROSSES, OVERLAPS, EQUALS }

    record Spatial(SpatialOperator operator, String property, Geometry geometry) implements Filter {
    }

    /**
     * Features whose geometry lies within a distance on the ground of a geometry (FES DWithin), or beyond it (Beyond).
     *
     * @param metres the distance in metres, whatever unit the request gave it in
     */
    record Distance(boolean beyond, String property, Geometry geometry, double metres) implements Filter {
        public Distance {
            if (!(metres >= 0) || Double.isInfinite(metres)) {
                throw new IllegalArgumentException("A distance is a finite number of metres, not " + metres);
            }
        }
    }

    /** Features by identifier ({@code patches.12}). */
    record ResourceId(Set<String> ids) implements Filter {
        public ResourceId {
            ids = Set.copyOf(ids);
        }
    }

    static Filter and(Filter a, Filter b) {
        if (a instanceof Include) {
            return b;
        }
        if (b instanceof Include) {
            return a;
        }
        return new And(List.of(a, b));
    }
}
