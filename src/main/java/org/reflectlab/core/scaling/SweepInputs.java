package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.cluster.JobWorker;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.train.UnifiedModelIO;

/** What a sweep reads: its prompts (in a resumable order) and the identity of the models it ran on. */
public final class SweepInputs {

    private SweepInputs() {
    }

    /**
     * The first {@code perCategory} prompts of each category, taken in turn from each category, so
     * a sweep stopped early still covers every category evenly.
     */
    public static List<PromptSet.Prompt> prompts(PromptSet set, int perCategory) {
        Map<Category, List<PromptSet.Prompt>> byCat = new LinkedHashMap<>();
        for (PromptSet.Prompt p : set.perCategory(perCategory).prompts()) {
            byCat.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
        }
        List<PromptSet.Prompt> out = new ArrayList<>();
        for (int i = 0; i < perCategory; i++) {
            for (List<PromptSet.Prompt> list : byCat.values()) {
                if (i < list.size()) {
                    out.add(list.get(i));
                }
            }
        }
        return out;
    }

    /** Each model's weights checksum, so sweeps on different models are never confused. */
    public static Map<String, Object> models(ModelStore store) throws ModelStoreException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : List.of(UnifiedModelIO.DEFAULT_NAME, ReflectModels.GENERATOR, ReflectModels.CRITIC, ReflectModels.JUDGE)) {
            Manifest m = store.verify(name);
            String file = m.fileFor("weights").orElse("");
            out.put(name, m.files().containsKey(file) ? m.files().get(file).sha256() : "");
        }
        return out;
    }

    /**
     * What a worker's models must match to run this machine's sweeps and pools: the weights
     * checksum of every model a worker loads (the base generator too, when present), as
     * {@link JobWorker#fingerprint} lines.
     */
    public static String fingerprint(ModelStore store) throws ModelStoreException {
        Map<String, Object> m = models(store);
        if (java.nio.file.Files.isDirectory(store.dir(ReflectModels.BASE))) {
            Manifest base = store.verify(ReflectModels.BASE);
            String file = base.fileFor("weights").orElse("");
            m.put(ReflectModels.BASE, base.files().containsKey(file) ? base.files().get(file).sha256() : "");
        }
        return JobWorker.fingerprint(m);
    }
}
