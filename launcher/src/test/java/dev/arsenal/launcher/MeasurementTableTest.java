package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.report.Measurement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The table and the chart from fixed measurements: six algorithms, three providers (one of them
 * absent from two algorithms, as simd-xxh3 is from all but XXH3), eight sizes, some points noisy.
 */
class MeasurementTableTest {
    private static final List<String> ALGORITHMS = List.of("xxh32", "xxh64", "xxh3", "xxh128", "crc32", "crc32c");
    private static final List<Long> SIZES = List.of(16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 1L << 20);
    private static final MeasurementTable.Caption CAPTION = new MeasurementTable.Caption(
            "hashing",
            "9.9.9",
            "Test CPU 3000, 8 logical CPUs, linux x86_64",
            "Java 25.0.1 (Vendor, Test VM, C2 on)",
            Duration.ofMillis(2500));

    private static List<Measurement> measurements() {
        List<Measurement> ms = new ArrayList<>();
        for (String a : ALGORITHMS) {
            for (String p : List.of("zeta-native", "alpha-java", "mid-simd")) {
                if (p.equals("mid-simd") && a.startsWith("crc")) {
                    continue;
                }
                for (long size : SIZES) {
                    double best = (p.length() + a.length()) * 1e8 * Math.log(size);
                    // Every third point noisy: the median round 30% below the best.
                    boolean noisy = (ms.size() % 3) == 0;
                    double median = noisy ? best * 0.7 : best * 0.97;
                    ms.add(new Measurement(a, p, size, best, 10, median, median * 0.9));
                }
            }
        }
        return ms;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // No DTD, no external entity: a chart that needed one would not be self-contained.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag, String classPrefix) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (classPrefix == null || e.getAttribute("class").startsWith(classPrefix)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void theChartIsWellFormedSelfContainedSvg() throws Exception {
        String svg = new MeasurementTable(measurements()).svg(CAPTION);
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals(List.of(), elements(doc, "script", null));
        assertEquals(List.of(), elements(doc, "style", null));
        for (String external : List.of("href", "url(", "@import", "@font-face")) {
            assertFalse(svg.contains(external), "nothing external: " + external);
        }
    }

    @Test
    void onePanelPerAlgorithmAndOneLegendEntryPerProvider() throws Exception {
        Document doc = parse(new MeasurementTable(measurements()).svg(CAPTION));
        List<String> panels = elements(doc, "g", "panel").stream()
                .map(e -> e.getAttribute("data-algorithm"))
                .toList();
        assertEquals(ALGORITHMS, panels);
        List<String> legend = elements(doc, "g", "legend-entry").stream()
                .map(e -> e.getTextContent().strip())
                .toList();
        assertEquals(List.of("alpha-java", "mid-simd", "zeta-native"), legend, "sorted, each once");
    }

    @Test
    void eachProviderHasOneColourInEveryPanelAndNoTwoShareOne() throws Exception {
        Document doc = parse(new MeasurementTable(measurements()).svg(CAPTION));
        Map<String, Set<String>> colours = new HashMap<>();
        int series = 0;
        for (Element g : elements(doc, "g", "series")) {
            Element line = (Element) g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline")
                    .item(0);
            colours.computeIfAbsent(g.getAttribute("data-provider"), k -> new HashSet<>())
                    .add(line.getAttribute("stroke"));
            series++;
        }
        assertEquals(6 + 6 + 4, series, "a series per provider and algorithm measured");
        colours.forEach((provider, c) -> assertEquals(1, c.size(), provider + ": " + c));
        Set<String> distinct = new HashSet<>();
        colours.values().forEach(distinct::addAll);
        assertEquals(3, distinct.size(), colours.toString());
        // The legend uses the same colour as the series.
        for (Element entry : elements(doc, "g", "legend-entry")) {
            Element line = (Element) entry.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line")
                    .item(0);
            assertEquals(
                    colours.get(entry.getTextContent().strip()),
                    Set.of(line.getAttribute("stroke")),
                    entry.getTextContent());
        }
    }

    @Test
    void axesAreTitledInEveryPanelAndTheCaptionSaysWhereAndHowLong() throws Exception {
        Document doc = parse(new MeasurementTable(measurements()).svg(CAPTION));
        List<String> titles = elements(doc, "text", "axis-title").stream()
                .map(Element::getTextContent)
                .toList();
        assertEquals(6, titles.stream().filter(t -> t.startsWith("input size")).count(), titles.toString());
        assertEquals(
                2, titles.stream().filter(t -> t.startsWith("throughput, GB/s")).count(), "one a row");
        String caption = elements(doc, "g", "caption").getFirst().getTextContent();
        for (String fact : List.of(
                "Arsenal 9.9.9",
                "budget of 2.5 s",
                "best of 10 rounds",
                "Test CPU 3000, 8 logical CPUs",
                "Java 25.0.1 (Vendor, Test VM, C2 on)")) {
            assertTrue(caption.contains(fact), fact + " in: " + caption);
        }
    }

    @Test
    void noisyPointsAreHollowAndEveryPointHasItsSpread() throws Exception {
        List<Measurement> ms = measurements();
        Document doc = parse(new MeasurementTable(ms).svg(CAPTION));
        List<Element> points = new ArrayList<>();
        for (Element g : elements(doc, "g", "series")) {
            NodeList children = g.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e
                        && e.getAttribute("class").startsWith("point")) {
                    points.add(e);
                }
            }
        }
        assertEquals(ms.size(), points.size());
        long noisy = ms.stream().filter(Measurement::noisy).count();
        assertTrue(noisy > 0 && noisy < ms.size());
        List<Element> hollow = points.stream()
                .filter(e -> e.getAttribute("class").equals("point noisy"))
                .toList();
        assertEquals(noisy, hollow.size());
        hollow.forEach(e -> assertEquals("white", e.getAttribute("fill")));
        points.stream()
                .filter(e -> e.getAttribute("class").equals("point"))
                .forEach(e -> assertNotEquals("white", e.getAttribute("fill")));
        assertEquals(ms.size(), elements(doc, "path", "spread").size(), "a bar from the median round each");
        String caption = elements(doc, "g", "caption").getFirst().getTextContent();
        assertTrue(caption.contains(noisy + " of " + ms.size() + " points are noisy"), caption);
    }

    @Test
    void theTableMarksTheFastestAndTheNoisy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MeasurementTable(measurements()).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("GB/s*"), table);
        assertTrue(table.contains("~"), table);
        assertTrue(table.contains("~ noisy: the median round was more than 10% slower than the best"), table);
    }

    @Test
    void logTicksAreOneTwoFive() {
        double[] range = MeasurementTable.niceRange(0.37, 41);
        assertEquals(0.2, range[0], 1e-12);
        assertEquals(50, range[1], 1e-12);
        List<String> labels = MeasurementTable.ticks(range[0], range[1]).stream()
                .map(MeasurementTable::label)
                .toList();
        assertEquals(List.of("0.2", "0.5", "1", "2", "5", "10", "20", "50"), labels);
        assertEquals("64K", MeasurementTable.shortSize(65536));
        assertEquals("1M", MeasurementTable.shortSize(1 << 20));
        assertEquals("16", MeasurementTable.shortSize(16));
    }
}
