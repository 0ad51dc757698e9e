package dev.surmbench.peft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
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
            // B (2x3) ⊗ A (3x2) = [[b_ij · A]]: a 6x6 matrix whose block (i, j) is b_ij times A. The operands
            // have different shapes and distinct entries, so A⊗B is another matrix: an implementation that
            // swapped them, transposed a block or laid the grid out column-major would fail.
            NDArray b = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray a = m.create(new float[] {7, 8, 9, 10, 11, 12}, new Shape(3, 2));
            float[] expected = {
                7, 8, 14, 16, 21, 24,
                9, 10, 18, 20, 27, 30,
                11, 12, 22, 24, 33, 36,
                28, 32, 35, 40, 42, 48,
                36, 40, 45, 50, 54, 60,
                44, 48, 55, 60, 66, 72};
            NDArray actual = DenseStructures.kronecker(b, a);
            assertArrayEquals(new long[] {6, 6}, actual.getShape().getShape());
            assertArrayEquals(expected, actual.toFloatArray());
            assertFalse(java.util.Arrays.equals(expected, DenseStructures.kronecker(a, b).toFloatArray()),
                    "the operands do not commute: the case tells B⊗A from A⊗B");
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
