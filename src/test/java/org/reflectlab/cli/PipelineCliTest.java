package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedModelIO;

/** pipeline --quick builds the whole model chain end to end, names itself in every manifest, and resumes by skipping. */
class PipelineCliTest {

    @Test
    void quickChainEndToEndThenEveryStageIsSkipped(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        Path work = dir.resolve("work");
        CliRun first = new CliRun();
        assertEquals(0, first.run("pipeline", "--quick", "--models", models.toString(), "--work", work.toString()), first.both());

        ModelStore store = new ModelStore(models);
        UnifiedModel unified = UnifiedModelIO.load(store, UnifiedModelIO.DEFAULT_NAME);
        assertTrue(unified.config().noisyLatent() && unified.config().foregroundWeight() > 0 && !unified.config().spatial(),
                "the chain's unified model has a bounded, noisy vector latent and foreground-weighted image losses");
        Reflector r = ReflectModels.load(store, unified);
        assertEquals(16, r.codec().components(), "the generator draws the principal components the chain asks for");
        for (String name : new String[] {"unified", "generator-base", "critic", "judge", "generator", "generator-sft", "world-implicit"}) {
            Manifest m = store.verify(name);
            assertTrue(m.command().startsWith("reflectlab pipeline --quick (stage " + name + ": reflectlab "), m.command());
        }
        assertTrue(Files.size(work.resolve("pool.tsv")) > 0);
        String report = Files.readString(work.resolve("report.md"));
        assertTrue(report.contains("| judge | judge |") && report.contains("scene_accuracy"), report);

        CliRun second = new CliRun();
        assertEquals(0, second.run("pipeline", "--quick", "--models", models.toString(), "--work", work.toString()), second.both());
        assertTrue(second.out().contains("0 stages ran, 9 skipped"), second.both());
        assertFalse(second.out().contains("] reflectlab train"), "nothing ran again:\n" + second.out());

        // the folder alone, with no record of the run that filled it: adopted, only what wrote files elsewhere runs again
        CliRun third = new CliRun();
        assertEquals(0, third.run("pipeline", "--quick", "--adopt", "--models", models.toString(), "--work",
                dir.resolve("fresh-work").toString()), third.both());
        assertTrue(third.out().contains("# adopted 6 stages whose models the folder already holds: unified, generator-base, "
                + "critic, judge, ablate-base, world-implicit"), third.both());
        assertTrue(third.out().contains("3 stages ran, 6 skipped"), third.both());
    }

    @Test
    void aFileAsTheModelsFolderIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("pipeline", "--quick", "--models", file.toString(), "--work", dir.resolve("w").toString()));
        assertTrue(cli.err().contains("is a file, not a folder"), cli.both());
    }
}
