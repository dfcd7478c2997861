package org.ccin.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
    private static VectorIndex index(float[]... vectors) {
        VectorIndex.Builder builder = new VectorIndex.Builder();
        for (int i = 0; i < vectors.length; i++) {
            Vectors.Quantised q = Vectors.quantise(Vectors.unit(vectors[i]));
            builder.add(i + 1, q.scale(), q.bytes());
        }
        return builder.build();
    }

    @Test
    @DisplayName("The nearest vectors come first, with their cosine similarity despite the quantisation")
    void nearestFirst() {
        VectorIndex index = index(new float[] {1, 0, 0}, new float[] {0.8f, 0.6f, 0}, new float[] {0, 0, 1},
                new float[] {-1, 0, 0});

        List<VectorIndex.Neighbour> nearest = index.nearest(Vectors.unit(new float[] {1, 0.1f, 0}), 3, id -> true);

        assertThat(nearest).extracting(VectorIndex.Neighbour::id).containsExactly(1L, 2L, 3L);
        assertThat(nearest.get(0).similarity()).isBetween(0.98f, 1.0f);
        assertThat(index.similarity(Vectors.unit(new float[] {1, 0, 0}), 4).orElseThrow()).isBetween(-1.0f, -0.98f);
        assertThat(index.similarity(new float[] {1, 0, 0}, 99)).isEmpty();
    }

    @Test
    @DisplayName("Only the allowed ids are returned, and never more than asked for")
    void allowedAndBounded() {
        float[][] many = new float[300][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new float[] {(float) Math.cos(i / 50.0), (float) Math.sin(i / 50.0), 0.1f};
        }
        VectorIndex index = index(many);

        List<VectorIndex.Neighbour> even = index.nearest(Vectors.unit(new float[] {1, 0, 0.1f}), 5, id -> id % 2 == 0);

        assertThat(even).hasSize(5).allSatisfy(n -> assertThat(n.id() % 2).isZero());
        assertThat(even).extracting(VectorIndex.Neighbour::id).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(VectorIndex.empty().nearest(new float[] {1, 0, 0}, 5, id -> true)).isEmpty();
    }

    @Test
    @DisplayName("A large index scanned in parts finds the same neighbours as one scan would")
    void largeIndexInParts() {
        java.util.Random random = new java.util.Random(3);
        float[][] many = new float[VectorIndex.PARALLEL_FROM + 5_000][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new float[] {random.nextFloat() - 0.5f, random.nextFloat() - 0.5f, random.nextFloat() - 0.5f};
        }
        many[17] = new float[] {1, 0, 0};
        many[24_999] = new float[] {0.99f, 0.01f, 0};
        VectorIndex index = index(many);

        List<VectorIndex.Neighbour> nearest = index.nearest(Vectors.unit(new float[] {1, 0, 0}), 2, id -> true);

        assertThat(nearest).extracting(VectorIndex.Neighbour::id).containsExactlyInAnyOrder(18L, 25_000L);
        assertThat(nearest.get(0).similarity()).isGreaterThanOrEqualTo(nearest.get(1).similarity());
    }
}
