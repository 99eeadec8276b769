package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The conventions every Mojo keeps, read from the plugin descriptor that maven-plugin-plugin generates at
 * process-classes (before the tests): every parameter a user can set has a {@code perfgate.}-prefixed user property
 * and a description, and every goal is thread-safe. Only the POM-only lists of beans have no property.
 */
class PluginDescriptorTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** Lists of beans that only the POM can express. */
    private static final Set<String> POM_ONLY = Set.of("thresholds", "claims");

    private static final List<Element> mojos = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        assertThat(DESCRIPTOR).as("the plugin descriptor; it is generated at process-classes").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(Files.newInputStream(DESCRIPTOR));
        NodeList list = document.getDocumentElement().getElementsByTagName("mojo");
        for (int i = 0; i < list.getLength(); i++) {
            mojos.add((Element) list.item(i));
        }
    }

    @Test
    void everyGoalIsThreadSafe() {
        assertThat(mojos).extracting(mojo -> text(mojo, "goal"))
                .containsExactlyInAnyOrder("baseline", "check", "compare", "profile", "history", "help",
                        "test-classpath");
        for (Element mojo : mojos) {
            assertThat(text(mojo, "threadSafe")).as("threadSafe of %s", text(mojo, "goal")).isEqualTo("true");
        }
    }

    @Test
    void everyParameterAUserCanSetHasAPerfgatePropertyAndADescription() {
        List<String> problems = new ArrayList<>();
        for (Element mojo : perfgateMojos()) {
            String goal = text(mojo, "goal");
            Element configuration = child(mojo, "configuration");
            for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
                String name = text(parameter, "name");
                if ("false".equals(text(parameter, "editable"))) {
                    continue; // readonly: ${project}, ${session}
                }
                if (text(parameter, "description").isBlank()) {
                    problems.add(goal + ": " + name + " has no javadoc");
                }
                String expression = expression(configuration, name);
                if (POM_ONLY.contains(name)) {
                    if (!expression.isEmpty()) {
                        problems.add(goal + ": " + name + " is POM-only but has " + expression);
                    }
                } else if (!expression.matches("\\$\\{perfgate\\.[A-Za-z]+}")) {
                    problems.add(goal + ": " + name + " has no perfgate.* user property (expression '"
                            + expression + "')");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserPropertyIsCoveredByTheBindingTest() {
        Set<String> described = new TreeSet<>();
        for (Element mojo : perfgateMojos()) {
            Element configuration = child(mojo, "configuration");
            for (Element entry : children(configuration, null)) {
                String expression = entry.getTextContent().trim();
                if (expression.startsWith("${perfgate.")) {
                    described.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        UserPropertiesTest test = new UserPropertiesTest();
        test.commandLine();
        assertThat(new TreeSet<>(test.userProperties.stringPropertyNames()))
                .as("the properties UserPropertiesTest sets").isEqualTo(described);
    }

    private static List<Element> perfgateMojos() {
        return mojos.stream()
                .filter(mojo -> text(mojo, "implementation").startsWith("io.github.perfgate.maven."))
                .toList();
    }

    private static String expression(Element configuration, String name) {
        Element entry = configuration == null ? null : child(configuration, name);
        return entry == null ? "" : entry.getTextContent().trim();
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? "" : child.getTextContent().trim();
    }

    private static Element child(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Direct child elements, of the given name or all when it is null. */
    private static List<Element> children(Element element, String name) {
        List<Element> result = new ArrayList<>();
        if (element == null) {
            return result;
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }
}
