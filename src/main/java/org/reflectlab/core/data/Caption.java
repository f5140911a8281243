package org.reflectlab.core.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A caption as structure: its noun phrases and, for GenEval's position category, the relation
 * that holds from the first phrase's object to the second's. This is what the parser returns
 * and what the critic and judge check scenes against.
 */
public record Caption(List<Clause> clauses, Relation relation) {

    public Caption {
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a caption names at least one object");
        }
        if (relation != null && clauses.size() != 2) {
            throw new IllegalArgumentException("a relation links exactly two phrases");
        }
    }

    public static Caption of(Clause... clauses) {
        return new Caption(List.of(clauses), null);
    }

    public static Caption related(Clause a, Relation relation, Clause b) {
        return new Caption(List.of(a, b), relation);
    }

    /** Objects the caption asks for in all. */
    public int objectCount() {
        return clauses.stream().mapToInt(Clause::count).sum();
    }

    /** Which category this caption belongs to, from its structure alone. */
    public Category category() {
        if (relation != null) {
            return Category.POSITION;
        }
        if (clauses.stream().anyMatch(Clause::hasDetail) || clauses.size() > 2) {
            return Category.DESCRIPTION;
        }
        if (clauses.size() == 1) {
            Clause c = clauses.get(0);
            if (c.count() > 1) {
                return Category.COUNTING;
            }
            return c.color() != null ? Category.COLORS : Category.SINGLE_OBJECT;
        }
        boolean colored = clauses.stream().anyMatch(c -> c.color() != null);
        return colored ? Category.COLOR_ATTRIBUTION : Category.TWO_OBJECTS;
    }

    /**
     * DESCRIPTION captions list every object in the scene; the GenEval categories only say
     * what must be there.
     */
    public boolean exhaustive() {
        return category() == Category.DESCRIPTION;
    }

    /** The canonical text, e.g. "a red circle left of a blue square". */
    public String text() {
        if (relation != null) {
            return clauses.get(0).text() + " " + relation.words() + " " + clauses.get(1).text();
        }
        return clauses.stream().map(Clause::text).collect(Collectors.joining(" and "));
    }

    @Override
    public String toString() {
        return text();
    }
}
