package org.reflectlab.core.nn.generator;

import static org.reflectlab.core.nn.generator.Generator.LOSS;
import static org.reflectlab.core.nn.generator.Generator.LOSS_FLOW;
import static org.reflectlab.core.nn.generator.Generator.PROMPT_TOKENS;
import static org.reflectlab.core.nn.generator.Generator.TIME_FEATURES;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.SdBuilder;

/** {@link Generator}'s SameDiff graph: the reference its fast path ({@link GeneratorNet}) is held to. */
final class GeneratorGraph {

    private GeneratorGraph() {
    }

    static SameDiff build(GeneratorConfig cfg, Params params, int seq) {
        SameDiff sd = SameDiff.create();
        SdBuilder b = new SdBuilder(sd, params);
        int d = cfg.width();
        int len = PROMPT_TOKENS;
        int pairs = cfg.contextPairs();
        int ctxTokens = pairs * cfg.contextImageTokens();
        int fbTokens = pairs * FeedbackVocabulary.MAX_TOKENS;
        int n = cfg.latentTokens();

        SDVariable xt = sd.placeHolder("xt", DataType.FLOAT, -1, cfg.latent());
        SDVariable time = sd.placeHolder("time", DataType.FLOAT, -1, TIME_FEATURES);
        SDVariable prompt = sd.placeHolder("prompt", DataType.FLOAT, -1, len, Vocabulary.size());
        SDVariable ctxZ = sd.placeHolder("ctx_z", DataType.FLOAT, -1, pairs, cfg.latent());
        SDVariable ctxFb = sd.placeHolder("ctx_fb", DataType.FLOAT, -1, fbTokens, FeedbackVocabulary.size());
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, seq);
        SDVariable vTarget = sd.placeHolder("v_target", DataType.FLOAT, -1, cfg.latent());

        SDVariable timeTok = sd.reshape(b.dense("gen/time2", sd.nn.gelu(b.dense("gen/time1", time, TIME_FEATURES, d)), d, d), -1, 1, d);
        SDVariable promptTok = b.dense3("gen/prompt", prompt, len, Vocabulary.size(), d).add(b.table("gen/prompt_pos", len, d));
        SDVariable ctxImg = sd.reshape(ctxZ, -1, ctxTokens, cfg.contextTokenWidth());
        SDVariable ctxImgTok = b.dense3("gen/ctx_img", ctxImg, ctxTokens, cfg.contextTokenWidth(), d)
                .add(b.table("gen/ctx_img_pos", ctxTokens, d));
        SDVariable fbTok = b.dense3("gen/ctx_fb", ctxFb, fbTokens, FeedbackVocabulary.size(), d)
                .add(b.table("gen/ctx_fb_pos", fbTokens, d));
        SDVariable lat = sd.reshape(xt, -1, n, cfg.tokenWidth());
        SDVariable latTok = b.dense3("gen/latent_in", lat, n, cfg.tokenWidth(), d).add(b.table("gen/latent_pos", n, d));
        if (cfg.textGuide()) {
            // Zero-initialised, so a generator fine-tuned from an unguided one starts exactly where it was.
            SDVariable guide = sd.placeHolder("guide", DataType.FLOAT, -1, cfg.latent());
            SDVariable g = sd.reshape(guide, -1, n, cfg.tokenWidth());
            latTok = latTok.add(b.dense3("gen/guide", g, n, cfg.tokenWidth(), d, 0.0));
        }

        SDVariable x = sd.concat(1, timeTok, promptTok, ctxImgTok, fbTok, latTok);
        SDVariable bias = b.keyBias(mask);
        for (int i = 0; i < cfg.depth(); i++) {
            x = b.block("gen/block" + i, x, seq, d, cfg.heads(), bias);
        }
        x = b.layerNorm3("gen/ln", x, d);
        SDVariable latOut = x.get(SDIndex.all(), SDIndex.interval(seq - n, seq), SDIndex.all());
        SDVariable v = sd.reshape(b.dense3("gen/out", latOut, n, d, cfg.tokenWidth(), 0.1), -1, cfg.latent());
        sd.identity("v", v);
        SDVariable flow = sd.math.square(v.sub(vTarget)).mean().rename(LOSS_FLOW);
        flow.mul(1.0).rename(LOSS);
        return sd;
    }
}
