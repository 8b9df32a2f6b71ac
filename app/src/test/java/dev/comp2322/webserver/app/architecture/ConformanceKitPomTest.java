package dev.comp2322.webserver.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kit's pom keeps it a black box: it must declare no dependency on any of our modules. (ArchitectureTest
 * checks its classes too, since the kit is on the app's test class path; the pom rule also catches a
 * dependency the kit declares but does not use yet.)
 */
class ConformanceKitPomTest {

    /** Surefire runs in the module directory, app/; the kit's pom is its sibling. */
    private static final Path KIT_POM = Path.of("..", "conformance-tests", "pom.xml");

    @Test
    @DisplayName("conformance-tests/pom.xml declares no dependency on a dev.comp2322 module")
    void kitPomHasNoDependencyOnOurModules() throws Exception {
        assertThat(KIT_POM).exists();

        assertThat(ourDependencies(KIT_POM))
                .as("the conformance kit is a black box that talks to any server only over TCP")
                .isEmpty();
    }

    @Test
    @DisplayName("the pom check finds a dependency on one of our modules (it can fail)")
    void pomCheckSeesOurModule(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, """
                <project><dependencies>
                  <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId></dependency>
                  <dependency><groupId>${project.groupId}</groupId><artifactId>domain</artifactId></dependency>
                </dependencies></project>
                """);

        assertThat(ourDependencies(pom)).containsExactly("${project.groupId}:domain");
    }

    /** groupId:artifactId of every dependency (managed or not, in any profile) that is one of ours. */
    private static List<String> ourDependencies(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList dependencies = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("dependency");
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String groupId = text(dependency, "groupId");
            if (groupId.equals("dev.comp2322") || groupId.startsWith("dev.comp2322.") || groupId.equals("${project.groupId}")) {
                ours.add(groupId + ":" + text(dependency, "artifactId"));
            }
        }
        return ours;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
