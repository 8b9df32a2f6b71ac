package dev.comp2322.conformance.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every case of the kit, in the order they run; ids are unique and every precondition exists. */
public final class Catalogue {
    private static final List<ConformanceCase> ALL = build();
    private static final Map<String, String> TOPICS = topics();

    private Catalogue() {
    }

    /** All cases, grouped by topic. */
    public static List<ConformanceCase> all() {
        return ALL;
    }

    /** The case with this id. */
    public static Optional<ConformanceCase> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The topic a case is listed under (the class matrix groups its rows by it); "other" if unknown. */
    public static String topic(String id) {
        return TOPICS.getOrDefault(id, "other");
    }

    /**
     * The cases whose id starts with one of the prefixes (all cases when there are none), plus every
     * case they depend on, in catalogue order.
     */
    public static List<ConformanceCase> select(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return ALL;
        }
        Set<String> wanted = new HashSet<>();
        for (ConformanceCase c : ALL) {
            if (prefixes.stream().anyMatch(p -> c.id().startsWith(p.trim()))) {
                addWithDependencies(c, wanted);
            }
        }
        return ALL.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private static void addWithDependencies(ConformanceCase c, Set<String> wanted) {
        if (wanted.add(c.id())) {
            c.dependsOn().forEach(d -> addWithDependencies(byId(d).orElseThrow(), wanted));
        }
    }

    private static List<ConformanceCase> build() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(ContentCases.cases());
        all.addAll(HeadCases.cases());
        all.addAll(RequestLineCases.cases());
        all.addAll(HeaderCases.cases());
        all.addAll(TargetCases.cases());
        all.addAll(TraversalCases.cases());
        all.addAll(MethodCases.cases());
        all.addAll(DateCases.cases());
        all.addAll(ConditionalCases.cases());
        all.addAll(EtagCases.cases());
        all.addAll(ConnectionCases.cases());
        all.addAll(FramingCases.cases());
        all.addAll(RobustnessCases.cases());
        all.addAll(ConcurrencyCases.cases());
        Map<String, ConformanceCase> byId = new LinkedHashMap<>();
        for (ConformanceCase c : all) {
            if (byId.put(c.id(), c) != null) {
                throw new IllegalStateException("duplicate case id " + c.id());
            }
        }
        for (ConformanceCase c : all) {
            for (String d : c.dependsOn()) {
                if (!byId.containsKey(d)) {
                    throw new IllegalStateException(c.id() + " depends on unknown case " + d);
                }
            }
        }
        return List.copyOf(all);
    }

    private static Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        Map<String, List<ConformanceCase>> groups = new LinkedHashMap<>();
        groups.put("content", ContentCases.cases());
        groups.put("HEAD", HeadCases.cases());
        groups.put("request line", RequestLineCases.cases());
        groups.put("header fields", HeaderCases.cases());
        groups.put("request target", TargetCases.cases());
        groups.put("traversal", TraversalCases.cases());
        groups.put("methods", MethodCases.cases());
        groups.put("dates", DateCases.cases());
        groups.put("conditional requests", ConditionalCases.cases());
        groups.put("ETags", EtagCases.cases());
        groups.put("connections", ConnectionCases.cases());
        groups.put("message framing", FramingCases.cases());
        groups.put("concurrency", ConcurrencyCases.cases());
        groups.forEach((topic, cases) -> cases.forEach(c -> topics.put(c.id(), topic)));
        return Map.copyOf(topics);
    }
}
