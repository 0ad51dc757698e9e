package dev.surmbench.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The minified ECharts library from the WebJar {@code org.webjars.npm:echarts}, inlined into the report
 * so that it is one self-contained file that works offline. Apache License 2.0 (its header comment is
 * kept).
 */
public final class EChartsAsset {
    /** The WebJar version on the class path (pom.xml). */
    public static final String VERSION = "5.3.1";
    /** Where the WebJar keeps the minified build. */
    public static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";

    private static volatile String cached;

    private EChartsAsset() {}

    /** The library source, safe to place inside a {@code <script>} element. */
    public static String script() {
        String s = cached;
        if (s == null) {
            s = load();
            cached = s;
        }
        return s;
    }

    private static String load() {
        try (InputStream in = EChartsAsset.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ECharts " + VERSION + " is missing from the class path (" + RESOURCE
                        + "); the WebJar org.webjars.npm:echarts:" + VERSION + " is a dependency in pom.xml");
            }
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (js.contains("<!--")) {
                throw new IllegalStateException(RESOURCE + " contains '<!--', which cannot be inlined in a script element");
            }
            return js.replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
