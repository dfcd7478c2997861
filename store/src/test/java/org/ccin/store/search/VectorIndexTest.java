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

    /**
     * Embedding-like vectors: 384 dimensions in topics (a few hundred topic centres, each study near one), so that
     * many studies are close to the question, as in a real library; the question is a study of one topic, reworded.
     */
    private static float[][] clusteredLibrary(java.util.Random random, int size, int topics) {
        float[][] centres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            centres[t] = gaussian(random, 384, 1f);
        }
        float[][] studies = new float[size][];
        for (int i = 0; i < size; i++) {
            float[] centre = centres[random.nextInt(topics)];
            float[] noise = gaussian(random, 384, 0.9f);
            float[] study = new float[384];
            for (int d = 0; d < 384; d++) {
                study[d] = centre[d] + noise[d];
            }
            studies[i] = study;
        }
        return studies;
    }

    private static float[] gaussian(java.util.Random random, int dimensions, float spread) {
        float[] v = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            v[d] = (float) random.nextGaussian() * spread;
        }
        return v;
    }

    /** The exact answer: every row scored, as the index did before it had two passes. */
    private static List<Long> exactNearest(float[][] studies, float[] question, int k, java.util.function.LongPredicate allowed) {
        float[] q = Vectors.unit(question);
        java.util.List<long[]> scored = new java.util.ArrayList<>();
        java.util.Map<Long, Double> score = new java.util.HashMap<>();
        for (int i = 0; i < studies.length; i++) {
            if (!allowed.test(i + 1)) {
                continue;
            }
            float[] s = Vectors.unit(studies[i]);
            double dot = 0;
            for (int d = 0; d < s.length; d++) {
                dot += s[d] * q[d];
            }
            score.put(i + 1L, dot);
        }
        return score.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(k)
                .map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    @DisplayName("In a large library the two passes (signs, then exact scores) find the exact nearest neighbours")
    void twoPassesFindTheExactNeighbours() {
        java.util.Random random = new java.util.Random(11);
        float[][] studies = clusteredLibrary(random, 30_000, 300);
        VectorIndex index = index(studies);
        int k = 50;
        int found = 0;
        int asked = 0;
        for (int question = 0; question < 20; question++) {
            float[] base = studies[random.nextInt(studies.length)];
            float[] reworded = gaussian(random, 384, 0.6f);
            for (int d = 0; d < 384; d++) {
                reworded[d] += base[d];
            }
            java.util.function.LongPredicate allowed = question % 4 == 0 ? id -> id % 3 == 0 : VectorIndex.ANY;
            List<Long> exact = exactNearest(studies, reworded, k, allowed);
            List<Long> twoPasses = index.nearest(Vectors.unit(reworded), k, allowed).stream()
                    .map(VectorIndex.Neighbour::id).toList();
            assertThat(twoPasses).hasSize(k);
            if (question % 4 == 0) {
                assertThat(twoPasses).allSatisfy(id -> assertThat(id % 3).isZero());
            }
            assertThat(twoPasses.get(0)).as("the closest study of question %d", question).isEqualTo(exact.get(0));
            found += (int) twoPasses.stream().filter(exact::contains).count();
            asked += k;
        }
        // the int8 scores differ from the exact ones in the last places, so a neighbour at the edge may swap
        assertThat(found / (double) asked).as("share of the exact 50 nearest found").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    @DisplayName("With fewer allowed studies than the first pass keeps, every allowed one is scored")
    void fewAllowedAreAllScored() {
        java.util.Random random = new java.util.Random(5);
        float[][] studies = clusteredLibrary(random, 10_000, 50);
        VectorIndex index = index(studies);
        float[] question = studies[123];

        List<Long> nearest = index.nearest(Vectors.unit(question), 10, id -> id <= 30).stream()
                .map(VectorIndex.Neighbour::id).toList();

        // the same ten; neighbours with nearly equal scores may swap places through the int8 rounding
        assertThat(nearest).containsExactlyInAnyOrderElementsOf(exactNearest(studies, question, 10, id -> id <= 30));
    }
}
