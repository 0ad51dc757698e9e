package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, resolving and describing {@code adapt_layers}. */
class LayerSelectionTest {

    @Test
    void canonicalTextRoundTripsAndResolvesAgainstTheEncoder() {
        assertEquals("4,5", LayerSelection.of(List.of(5, 4)).toString());
        assertEquals(LayerSelection.of(List.of(4, 5)), LayerSelection.parse(" 4, 5 "));
        assertEquals("top-2", LayerSelection.parse("TOP-2").toString());
        assertTrue(LayerSelection.parse("all").isAll());
        assertEquals(List.of(4, 5), LayerSelection.parse("top-2").resolve(6));
        assertEquals(List.of(10, 11), LayerSelection.parse("top-2").resolve(12));
        assertEquals(List.of(0, 1, 2), LayerSelection.ALL.resolve(3));
        assertEquals(4, LayerSelection.parse("5,4").firstLayer(6));
        assertEquals(List.of("bert.encoder.layer.4", "bert.encoder.layer.5"),
                LayerSelection.parse("top-2").modulePrefixes("bert", 6));
        assertEquals(List.of(), LayerSelection.ALL.modulePrefixes("bert", 6), "all: no restriction");
    }

    @Test
    void labelsNameTheLayers() {
        assertEquals("layers 4–5", LayerSelection.parse("top-2").describe(6));
        assertEquals("layers 1, 5", LayerSelection.parse("1,5").describe(6));
        assertEquals("layer 3", LayerSelection.parse("3").describe(6));
        assertEquals("top 2 layers", LayerSelection.parse("top-2").describe(0), "geometry unknown");
        assertEquals("top 2 layers", LayerSelection.parse("top-2").label(), "labels do not depend on the encoder's depth");
        assertEquals("layers 4–5", LayerSelection.parse("4,5").label());
    }

    @Test
    void badSelectionsSayWhatIsWrong() {
        assertEquals("adapt_layers: layer 6 does not exist; the encoder has layers 0–5",
                assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("4,6").resolve(6)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("top-7").resolve(6))
                .getMessage().contains("top-7 asks for more than the 6 layers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerSelection.of(List.of(2, 2)))
                .getMessage().contains("layer 2 is listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerSelection.parse("bottom"))
                .getMessage().contains("must be 'all', 'top-N' or a list"));
        assertThrows(IllegalArgumentException.class, () -> LayerSelection.top(0));
        assertThrows(IllegalArgumentException.class, () -> LayerSelection.of(List.of(-1)));
    }
}
