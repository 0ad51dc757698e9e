package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.data.glue.HeadlineConvention;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.model.Pooling;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed view of a run's settings: built-in defaults where a key is absent, every key read, the
 * setting words as enums, and which task domain each setting applies to.
 */
class ResolvedSettingsTest {

    @Test
    void builtInsAreTheDefaultsAndAnAbsentKeyTakesItsBuiltIn() {
        ResolvedSettings defaults = ResolvedSettings.of(RunSettings.builtIns());
        assertEquals("embedded:all-minilm-l6-v2", defaults.backbone());
        assertEquals(LayerSelection.ALL, defaults.adaptLayers());
        assertEquals(Pooling.CLS, defaults.pooling());
        assertEquals(HeadlineConvention.SURM_PAPER, defaults.headline());
        assertEquals(RunSettings.Augment.NONE, defaults.augment());
        assertEquals(RunSettings.BackboneInit.PRETRAINED, defaults.backboneInit());
        assertEquals(RunSettings.Save.AUTO, defaults.save());
        assertEquals(DeviceChoice.AUTO, defaults.device());
        assertEquals(3, defaults.epochs());
        assertEquals(5e-4, defaults.learningRate());
        assertEquals(defaults, ResolvedSettings.of(Map.of()), "a run.json written before a setting ran with its default");
        assertEquals(defaults, ResolvedSettings.of(RunSettings.forDomain(RunSettings.builtIns(), TaskDomain.GLUE)));
        assertEquals(defaults, ResolvedSettings.of(RunSettings.forDomain(RunSettings.builtIns(), TaskDomain.IMAGE)));
    }

    @Test
    void numbersReadBackFromJsonInAnyBoxedType() {
        ResolvedSettings read = ResolvedSettings.of(Map.of("epochs", 7, "learning_rate", 1, "batch_size", 16L, "dropout", 0.25f));
        assertEquals(7, read.epochs());
        assertEquals(1.0, read.learningRate());
        assertEquals(16, read.batchSize());
        assertEquals(0.25, read.dropout());
    }

    @Test
    void everyKeyIsRead() {
        ResolvedSettings defaults = ResolvedSettings.of(RunSettings.builtIns());
        for (RunSettings.Key key : RunSettings.KEYS) {
            Map<String, Object> changed = new LinkedHashMap<>(RunSettings.builtIns());
            changed.put(key.name(), otherValue(key));
            assertNotEquals(defaults, ResolvedSettings.of(changed), key.name());
        }
    }

    private static Object otherValue(RunSettings.Key key) {
        return switch (key.kind()) {
            case INT -> (Long) key.builtIn() + 1;
            case NUMBER -> (Double) key.builtIn() + 0.5;
            case LAYERS -> "top-1";
            case TEXT -> key.choices().isEmpty() ? key.builtIn() + "x"
                    : key.choices().stream().filter(c -> !c.equals(key.builtIn())).findFirst().orElseThrow();
        };
    }

    @Test
    void settingWordsAreTheEnumsAndTheirChoices() {
        assertEquals("crop-flip", RunSettings.Augment.CROP_FLIP.word());
        assertEquals(RunSettings.Augment.CROP_FLIP, RunSettings.choice(RunSettings.Augment.class, "crop-flip"));
        assertEquals(HeadlineConvention.GLUE_LEADERBOARD, RunSettings.choice(HeadlineConvention.class, "glue-leaderboard"));
        for (RunSettings.Save save : RunSettings.Save.values()) {
            assertTrue(RunSettings.key("save").choices().contains(save.word()), save.word());
            assertEquals(save, RunSettings.choice(RunSettings.Save.class, save.word()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSettings.choice(RunSettings.Save.class, "everything"));
        assertEquals("'everything' is not one of [adapter, auto, merged, none]", e.getMessage());
    }

    @Test
    void textSettingsApplyToGlueTasksAndImageSettingsToImageTasks() {
        Map<String, Object> glue = RunSettings.forDomain(RunSettings.builtIns(), TaskDomain.GLUE);
        Map<String, Object> image = RunSettings.forDomain(RunSettings.builtIns(), TaskDomain.IMAGE);
        assertTrue(glue.containsKey("max_length"));
        assertFalse(glue.containsKey("image_size"));
        assertTrue(image.containsKey("image_size"));
        assertFalse(image.containsKey("max_length"));
        assertTrue(glue.containsKey("epochs") && image.containsKey("epochs"));
    }
}
