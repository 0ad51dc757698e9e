package dev.surmbench.model;

import dev.surmbench.model.vit.VitConfig;
import java.util.Map;
import org.apache.commons.math3.special.Erf;

/**
 * A plain-Java, double-precision ViT forward pass written from Hugging Face's modeling_vit.py
 * (patch conv, [CLS] + positions, pre-LN layers with residuals, final LayerNorm, classifier on
 * [CLS]), independent of DJL, to check the wiring of the DJL blocks.
 */
final class ReferenceVit {
    private ReferenceVit() {}

    static float[] logits(Map<String, WeightTensor> p, VitConfig c, float[] pixels, int batch, int labels) {
        int d = c.hiddenSize();
        int g = c.gridSize();
        int ps = c.patchSize();
        int s = c.imageSize();
        int ch = c.numChannels();
        int n = g * g + 1;
        float[] out = new float[batch * labels];
        for (int b = 0; b < batch; b++) {
            double[][] x = new double[n][d];
            float[] w = p.get("vit.embeddings.patch_embeddings.projection.weight").data();
            float[] bias = p.get("vit.embeddings.patch_embeddings.projection.bias").data();
            for (int gy = 0; gy < g; gy++) {
                for (int gx = 0; gx < g; gx++) {
                    for (int k = 0; k < d; k++) {
                        double acc = bias[k];
                        for (int cc = 0; cc < ch; cc++) {
                            for (int i = 0; i < ps; i++) {
                                for (int j = 0; j < ps; j++) {
                                    acc += w[((k * ch + cc) * ps + i) * ps + j]
                                            * pixels[((b * ch + cc) * s + gy * ps + i) * s + gx * ps + j];
                                }
                            }
                        }
                        x[1 + gy * g + gx][k] = acc;
                    }
                }
            }
            float[] cls = p.get("vit.embeddings.cls_token").data();
            float[] pos = p.get("vit.embeddings.position_embeddings").data();
            for (int k = 0; k < d; k++) {
                x[0][k] = cls[k];
            }
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < d; k++) {
                    x[t][k] += pos[t * d + k];
                }
            }
            for (int l = 0; l < c.numHiddenLayers(); l++) {
                String pre = "vit.encoder.layer." + l + ".";
                double[][] h = layerNorm(x, p, pre + "layernorm_before", c.layerNormEps());
                double[][] q = linear(h, p, pre + "attention.attention.query");
                double[][] k = linear(h, p, pre + "attention.attention.key");
                double[][] v = linear(h, p, pre + "attention.attention.value");
                double[][] ctx = attention(q, k, v, c.numAttentionHeads());
                x = add(x, linear(ctx, p, pre + "attention.output.dense"));
                double[][] f = linear(layerNorm(x, p, pre + "layernorm_after", c.layerNormEps()), p, pre + "intermediate.dense");
                for (double[] row : f) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = 0.5 * row[i] * (1 + Erf.erf(row[i] / Math.sqrt(2)));
                    }
                }
                x = add(x, linear(f, p, pre + "output.dense"));
            }
            x = layerNorm(x, p, "vit.layernorm", c.layerNormEps());
            double[][] logits = linear(new double[][] {x[0]}, p, "classifier");
            for (int i = 0; i < labels; i++) {
                out[b * labels + i] = (float) logits[0][i];
            }
        }
        return out;
    }

    private static double[][] attention(double[][] q, double[][] k, double[][] v, int heads) {
        int n = q.length;
        int d = q[0].length;
        int dh = d / heads;
        double[][] out = new double[n][d];
        for (int hd = 0; hd < heads; hd++) {
            for (int i = 0; i < n; i++) {
                double[] sc = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int e = 0; e < dh; e++) {
                        dot += q[i][hd * dh + e] * k[j][hd * dh + e];
                    }
                    sc[j] = dot / Math.sqrt(dh);
                    max = Math.max(max, sc[j]);
                }
                double z = 0;
                for (int j = 0; j < n; j++) {
                    sc[j] = Math.exp(sc[j] - max);
                    z += sc[j];
                }
                for (int j = 0; j < n; j++) {
                    for (int e = 0; e < dh; e++) {
                        out[i][hd * dh + e] += sc[j] / z * v[j][hd * dh + e];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] linear(double[][] x, Map<String, WeightTensor> p, String name) {
        WeightTensor w = p.get(name + ".weight");
        float[] b = p.get(name + ".bias").data();
        int out = (int) w.shape()[0];
        int in = (int) w.shape()[1];
        double[][] y = new double[x.length][out];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < out; o++) {
                double acc = b[o];
                for (int i = 0; i < in; i++) {
                    acc += w.data()[o * in + i] * x[t][i];
                }
                y[t][o] = acc;
            }
        }
        return y;
    }

    private static double[][] layerNorm(double[][] x, Map<String, WeightTensor> p, String name, double eps) {
        float[] g = p.get(name + ".weight").data();
        float[] b = p.get(name + ".bias").data();
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double mean = 0;
            for (double v : x[t]) {
                mean += v;
            }
            mean /= x[t].length;
            double var = 0;
            for (double v : x[t]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[t].length;
            y[t] = new double[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                y[t][i] = (x[t][i] - mean) / Math.sqrt(var + eps) * g[i] + b[i];
            }
        }
        return y;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[0].length; i++) {
                y[t][i] = a[t][i] + b[t][i];
            }
        }
        return y;
    }
}
