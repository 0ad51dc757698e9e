package dev.surmbench.peft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.surmbench.peft.core.DenseStructures;
import org.junit.jupiter.api.Test;

/** The dense reference forms, checked against matrices written out by hand from the definitions. */
class DenseStructuresTest {

    @Test
    void circulantHasFirstColumnAndShiftsDown() {
        try (NDManager m = NDManager.newBaseManager()) {
            // circ([1,2,3]): column 0 = c, each next column shifted down by one (wrapping).
            float[] expected = {1, 3, 2, 2, 1, 3, 3, 2, 1};
            assertArrayEquals(expected, DenseStructures.circulant(m.create(new float[] {1, 2, 3})).toFloatArray());
        }
    }

    @Test
    void skewCirculantNegatesTheWrappedEntries() {
        try (NDManager m = NDManager.newBaseManager()) {
            // skewcirc([1,2,3]) = [[1,-3,-2],[2,1,-3],[3,2,1]]: entries above the diagonal wrap with a minus sign.
            float[] expected = {1, -3, -2, 2, 1, -3, 3, 2, 1};
            assertArrayEquals(expected, DenseStructures.skewCirculant(m.create(new float[] {1, 2, 3})).toFloatArray());
        }
    }

    @Test
    void symmetricToeplitzDependsOnDistanceFromDiagonal() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] expected = {1, 2, 3, 2, 1, 2, 3, 2, 1};
            assertArrayEquals(expected, DenseStructures.symmetricToeplitz(m.create(new float[] {1, 2, 3})).toFloatArray());
        }
    }

    @Test
    void kroneckerMatchesTheBlockDefinition() {
        try (NDManager m = NDManager.newBaseManager()) {
            // B = [[1,2]] (1x2), A = [[1],[10]] (2x1): B⊗A = [[1*A, 2*A]] = [[1,2],[10,20]].
            float[] expected = {1, 2, 10, 20};
            float[] actual = DenseStructures.kronecker(m.create(new float[] {1, 2}, new Shape(1, 2)),
                    m.create(new float[] {1, 10}, new Shape(2, 1))).toFloatArray();
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void blocksAreLaidOutRowMajorOverTheGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Grid 1x2 of 1x1 blocks [[5]], [[7]] → [[5, 7]]; grid 2x1 → [[5],[7]].
            assertArrayEquals(new float[] {5, 7},
                    DenseStructures.assembleBlocks(m.create(new float[] {5, 7}, new Shape(1, 2, 1, 1))).toFloatArray());
            assertArrayEquals(new long[] {2, 1},
                    DenseStructures.assembleBlocks(m.create(new float[] {5, 7}, new Shape(2, 1, 1, 1))).getShape().getShape());
        }
    }
}
