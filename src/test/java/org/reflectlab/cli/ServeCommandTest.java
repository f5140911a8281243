package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.SceneInputs;

/** serve's bad input: scene numbers, seed nodes, a busy port and a damaged model each end in one line. */
class ServeCommandTest {

    private final SceneInputs inputs = new SceneInputs(1);

    @Test
    void sceneNumbersAreCheckedNeverWrapped() {
        ServeCommand.StdinRequest ok = ServeCommand.StdinRequest.parse("image->text scene 63", inputs);
        assertEquals(Modality.IMAGE, ok.from());
        assertTrue(ok.data() instanceof Payload.Image);
        // scene 64 used to be scene 0 again, and -1 scene 63
        for (String n : new String[] {"64", "-1", "100000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServeCommand.StdinRequest.parse("image->text scene " + n, inputs));
            assertTrue(e.getMessage().contains("scenes are 0 to 63"), e.getMessage());
        }
        IllegalArgumentException abc = assertThrows(IllegalArgumentException.class,
                () -> ServeCommand.StdinRequest.parse("audio->text scene abc", inputs));
        assertEquals("a scene is a number from 0 to 63, not 'abc'", abc.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.StdinRequest.parse("audio->text a red circle", inputs));
    }

    @Test
    void aSeedNodeWithoutAPortOrNotAHostIsOneLineAndExit2() {
        for (String seed : new String[] {"127.0.0.1", "not a host", "not a host:25520", "host:99999"}) {
            CliRun r = new CliRun();
            assertEquals(Cli.BAD_INPUT, r.run("serve", "--cluster", "--seed-nodes", seed), r.both());
            assertTrue(r.err().startsWith("error: a seed node is host:port"), r.both());
            assertEquals(1, r.err().lines().count(), r.both());
        }
    }

    @Test
    void aBusyClusterPortIsOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); InputStream empty = InputStream.nullInputStream()) {
            CliRun r = new CliRun();
            int code = r.run("serve", "--cluster", "--port", Integer.toString(busy.getLocalPort()), "--roles", "text");
            assertEquals(Cli.FAILED, code, r.both());
            assertEquals("error: port " + busy.getLocalPort() + " on 127.0.0.1 is in use (another node or program?): choose another with --port",
                    r.err().trim(), r.both());
        }
    }

    @Test
    void aDamagedModelFailsBeforeAnyWorkerStartsNamingTheFile(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("unified");
        Files.createDirectories(copy);
        Path weights;
        try (Stream<Path> files = Files.list(Path.of("models/unified"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(copy)) {
            weights = files.filter(f -> f.getFileName().toString().startsWith("weights")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(weights);
        b[b.length / 2] ^= 0x5a;
        Files.write(weights, b);
        CliRun r = new CliRun();
        long t0 = System.nanoTime();
        assertEquals(Cli.FAILED, r.run("serve", "--models", dir.toString()), r.both());
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(r.err().contains(weights.getFileName().toString()) && r.err().contains("SHA-256 does not match"), r.both());
        assertEquals(1, r.err().lines().count(), r.both());
        assertFalse(r.err().contains("did not come up"), r.both());
        assertTrue(s < 30, "failed after " + s + " s");
    }
}
