package dev.comp2322.webserver.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The project's dependency rules (design.md, "Shape: ports and adapters"), written once over two
 * package roots so the same rules check the real classes and the deliberately bad fixtures in
 * {@code dev.comp2322.webserver.archfixtures}. Each rule's reason is a constant, so a test can show
 * that a violation names it.
 */
final class ArchitectureRules {

    static final String LAYERS_REASON =
            "dependencies point inward: the app wires adapters to the domain, adapters only translate, the domain decides";
    static final String ADAPTERS_APART_REASON =
            "adapters never depend on each other: each reaches the others only through the domain's ports";
    static final String ONLY_APP_USES_ADAPTERS_REASON =
            "only the app wires adapters; everything else sees them only through the domain's ports";
    static final String DOMAIN_SELF_CONTAINED_REASON =
            "the domain is pure Java: it depends on nothing of ours outside itself and on no library";
    static final String DOMAIN_NO_IO_REASON =
            "the domain only decides: sockets, files, threads and concurrency belong to the adapters";
    static final String DOMAIN_NO_CLOCK_REASON =
            "time is data: the domain reads the instant the request carries and never the system clock";
    static final String PORTS_IN_DOMAIN_REASON =
            "ports are the domain's: adapters implement them and never define them (style.md §2)";
    static final String COMMAND_LINE_WITHOUT_ANNOTATIONS_REASON =
            "the command line is declared with picocli's programmatic API: its annotations cost every start "
                    + "runtime-generated proxy classes the AOT cache can't hold (BENCHMARKS.md, \"Start-up\")";
    static final String KIT_BLACK_BOX_REASON =
            "the conformance kit is a black box that talks to any server only over TCP";

    private final String server;
    private final String kit;
    private final boolean everyLayerPresent;

    private ArchitectureRules(String server, String kit, boolean everyLayerPresent) {
        this.server = server;
        this.kit = kit;
        this.everyLayerPresent = everyLayerPresent;
    }

    /** The rules over the real packages: {@code dev.comp2322.webserver..} and {@code dev.comp2322.conformance..}. */
    static ArchitectureRules forProject() {
        return new ArchitectureRules("dev.comp2322.webserver", "dev.comp2322.conformance", true);
    }

    /** The same rules over a fixture tree {@code <root>.webserver..} / {@code <root>.conformance..}, where layers may be missing. */
    static ArchitectureRules forFixture(String root) {
        return new ArchitectureRules(root + ".webserver", root + ".conformance", false);
    }

    /** The server's package root, e.g. {@code dev.comp2322.webserver}. */
    String serverPackage() {
        return server;
    }

    /** The kit's package root, e.g. {@code dev.comp2322.conformance}. */
    String kitPackage() {
        return kit;
    }

    /** Domain ← adapters ← app, one layer per adapter, and no class outside the layers. */
    ArchRule layers() {
        return layeredArchitecture()
                .consideringAllDependencies()
                .withOptionalLayers(!everyLayerPresent)
                .layer("Domain").definedBy(server + ".domain..")
                .layer("FileSystemAdapter").definedBy(server + ".adapters.fs..")
                .layer("LogAdapter").definedBy(server + ".adapters.log..")
                .layer("SocketAdapter").definedBy(server + ".adapters.socket..")
                .layer("App").definedBy(server + ".app..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("FileSystemAdapter").mayOnlyBeAccessedByLayers("App")
                .whereLayer("LogAdapter").mayOnlyBeAccessedByLayers("App")
                .whereLayer("SocketAdapter").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("FileSystemAdapter", "LogAdapter", "SocketAdapter", "App")
                // A new package must join a layer (and so its rules) rather than slip outside them.
                .ensureAllClassesAreContainedInArchitecture()
                .because(LAYERS_REASON);
    }

    /** No adapter package uses another. */
    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(server + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because(ADAPTERS_APART_REASON);
    }

    /** Nothing but the app (and an adapter itself) depends on an adapter. */
    ArchRule onlyTheAppDependsOnAdapters() {
        return noClasses().that().resideOutsideOfPackages(server + ".app..", server + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(server + ".adapters..")
                .because(ONLY_APP_USES_ADAPTERS_REASON);
    }

    /** The domain uses only itself and the JDK. */
    ArchRule domainDependsOnlyOnItselfAndTheJdk() {
        return classes().that().resideInAPackage(server + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(server + ".domain..", "java..")
                .because(DOMAIN_SELF_CONTAINED_REASON);
    }

    /** The domain does no I/O, networking or concurrency. */
    ArchRule domainDoesNoIo() {
        return noClasses().that().resideInAPackage(server + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.util.concurrent..")
                .because(DOMAIN_NO_IO_REASON);
    }

    /** The domain never asks the system for the time. */
    ArchRule domainReadsNoClock() {
        return noClasses().that().resideInAPackage(server + ".domain..")
                .should().callMethodWhere(readsTheSystemClock())
                .because(DOMAIN_NO_CLOCK_REASON);
    }

    /**
     * A public interface others may implement is a port, and ports are declared in {@code domain.port}.
     * Sealed interfaces (closed value hierarchies such as {@code Body}) can't be implemented elsewhere;
     * a nested one (a callback such as {@code BatchingWriter.Sink}) belongs to its enclosing class.
     */
    ArchRule portsAreDeclaredInTheDomain() {
        return classes().that().areInterfaces().and().arePublic().and().areTopLevelClasses()
                .and(DescribedPredicate.describe("are not sealed", (JavaClass c) -> !c.reflect().isSealed()))
                .and().resideInAPackage(server + "..")
                .should().resideInAPackage(server + ".domain.port..")
                .because(PORTS_IN_DOMAIN_REASON);
    }

    /** No class of the server reads its options from picocli annotations. */
    ArchRule commandLineDeclaredWithoutAnnotations() {
        return noClasses().that().resideInAPackage(server + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are picocli annotations",
                        (JavaClass c) -> c.isAnnotation() && c.getPackageName().equals("picocli")))
                .because(COMMAND_LINE_WITHOUT_ANNOTATIONS_REASON);
    }

    /** The kit uses no server class. */
    ArchRule kitDependsOnNoServerClass() {
        return noClasses().that().resideInAPackage(kit + "..")
                .should().dependOnClassesThat().resideInAPackage(server + "..")
                // No allowEmptyShould: the kit is on app's test class path (OurServerConformanceIT), so an
                // import without kit classes means the rule checks nothing, and that should fail loudly.
                .because(KIT_BLACK_BOX_REASON);
    }

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe(
                "System.currentTimeMillis/nanoTime, a java.time now() or a system clock",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                            || owner.startsWith("java.time.") && (name.equals("now") || name.startsWith("system"));
                });
    }
}
