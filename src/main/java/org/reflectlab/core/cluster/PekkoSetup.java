package org.reflectlab.core.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one Pekko configuration every ReflectLab actor system starts from (serving nodes and job
 * nodes): quiet logging, no JVM exit, daemon threads, the blocking-work dispatchers, and, when
 * clustered, the cluster provider with seed nodes, roles, split-brain resolver and the binary
 * serializers of the messages that cross nodes (never Java serialization).
 */
public final class PekkoSetup {

    /** The actor system's name; seed addresses are pekko://reflectlab@host:port. */
    public static final String SYSTEM = "reflectlab";

    /** Where this node listens and whom it contacts; {@code cluster} false = one embedded node, no network. */
    public record Membership(boolean cluster, String host, int port, List<String> seedNodes, List<String> roles) {

        public Membership {
            seedNodes = List.copyOf(seedNodes);
            roles = List.copyOf(roles);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (cluster && !isHost(host)) {
                throw new IllegalArgumentException("--host '" + cut(host) + "' is not a host name or address");
            }
        }

        public static Membership local(List<String> roles) {
            return new Membership(false, "127.0.0.1", 0, List.of(), roles);
        }
    }

    /** A serializer for every message implementing {@code marker}. */
    public record Binding(String name, Class<?> serializer, int id, Class<?> marker) {
    }

    private PekkoSetup() {
    }

    /**
     * @param dispatchers blocking-work dispatchers to declare: name -> fixed pool size
     * @param bindings serializers of the messages that cross nodes (used only when clustered)
     */
    public static Config config(Membership m, Map<String, Integer> dispatchers, List<Binding> bindings) {
        StringBuilder s = new StringBuilder();
        s.append("pekko.loglevel = WARNING\npekko.stdout-loglevel = OFF\npekko.log-dead-letters = off\n")
                .append("pekko.log-dead-letters-during-shutdown = off\npekko.jvm-exit-on-fatal-error = off\n")
                .append("pekko.coordinated-shutdown.exit-jvm = off\npekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n")
                .append("pekko.actor.typed.restart-stash-capacity = 10000\npekko.daemonic = on\n");
        dispatchers.forEach((name, threads) -> s.append(name)
                .append(" { type = Dispatcher\n executor = thread-pool-executor\n")
                .append(" thread-pool-executor.fixed-pool-size = ").append(Math.max(1, threads)).append("\n throughput = 1 }\n"));
        if (m.cluster()) {
            s.append("pekko.actor.provider = cluster\n")
                    .append("pekko.remote.artery.canonical.hostname = \"").append(m.host()).append("\"\n")
                    .append("pekko.remote.artery.canonical.port = ").append(m.port()).append('\n')
                    .append("pekko.cluster.seed-nodes = [");
            List<String> seeds = new ArrayList<>();
            for (String seed : m.seedNodes()) {
                seeds.add("\"pekko://" + SYSTEM + "@" + seed.trim() + "\"");
            }
            s.append(String.join(",", seeds)).append("]\n")
                    .append("pekko.cluster.roles = [").append(String.join(",", m.roles())).append("]\n")
                    .append("pekko.cluster.downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"\n")
                    .append("pekko.cluster.split-brain-resolver.stable-after = 5s\n")
                    .append("pekko.cluster.distributed-data.gossip-interval = 500ms\n")
                    .append("pekko.cluster.typed.receptionist.distributed-data.gossip-interval = 500ms\n")
                    .append("pekko.cluster.log-info = off\npekko.cluster.jmx.enabled = off\n")
                    .append("pekko.remote.artery.advanced.maximum-frame-size = 4MiB\n");
            for (Binding b : bindings) {
                s.append("pekko.actor.serializers.").append(b.name()).append(" = \"").append(b.serializer().getName()).append("\"\n")
                        .append("pekko.actor.serialization-identifiers { \"").append(b.serializer().getName()).append("\" = ")
                        .append(b.id()).append(" }\n")
                        .append("pekko.actor.serialization-bindings { \"").append(b.marker().getName()).append("\" = ")
                        .append(b.name()).append(" }\n");
            }
        }
        return ConfigFactory.parseString(s.toString()).withFallback(ConfigFactory.load());
    }

    /** "host:port" of a node's address (no protocol, no system name), or "local" for a node without one. */
    public static String hostPort(org.apache.pekko.actor.Address a) {
        return a.getHost().isPresent() ? a.getHost().get() + ":" + a.getPort().orElse(0) : "local";
    }

    /**
     * Why an actor system did not start, in one line: a port in use (Artery's BindException deep in
     * the cause chain), or the first line of the cause.
     */
    public static String whyNotStarted(String host, int port, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof java.net.BindException || m.contains("Address already in use")) {
                return "port " + port + " on " + host + " is in use (another node or program?): choose another with --port";
            }
            if (m.contains("Cannot assign requested address") || c instanceof java.nio.channels.UnresolvedAddressException) {
                return "cannot listen on " + host + ":" + port + ": that address is not one of this machine's (see --host)";
            }
        }
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return "the node did not start: " + cut(first);
    }

    /** "host:port,host:port" -> the list; a clear message for anything else. */
    public static List<String> parseSeeds(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            int port;
            try {
                port = colon > 0 ? Integer.parseInt(p.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a seed node is host:port (e.g. 10.0.0.5:25520), not '" + cut(p) + "'");
            }
            if (!isHost(p.substring(0, colon))) {
                throw new IllegalArgumentException("a seed node is host:port (e.g. 10.0.0.5:25520), not '" + cut(p) + "': '"
                        + cut(p.substring(0, colon)) + "' is not a host name or address");
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one seed node as host:port");
        }
        return out;
    }

    /** A host name (letters, digits, '-', dot-separated), an IPv4 address, or an IPv6 address in brackets. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+]");

    public static boolean isHost(String s) {
        return s != null && s.length() <= 253 && HOST.matcher(s).matches();
    }

    /** Long input is not echoed back whole. */
    static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "... (" + s.length() + " characters)" : s;
    }

    /**
     * Throws with one line naming the port when a clustered node could not listen where it is told
     * to: checked before Pekko starts, whose own bind failure is a long stack trace in the log.
     */
    public static void checkCanListen(Membership m) {
        if (!m.cluster() || m.port() == 0) {
            return;
        }
        String host = m.host().startsWith("[") ? m.host().substring(1, m.host().length() - 1) : m.host();
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(host), m.port()));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("--host " + m.host() + " is not a known host name");
        } catch (java.net.BindException e) {
            String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new IllegalStateException(why.contains("in use")
                    ? "port " + m.port() + " on " + m.host() + " is in use (another node or program listens there); choose another --port"
                    : "cannot listen on " + m.host() + ":" + m.port() + " (" + e.getMessage() + "); check --host and --port");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen on " + m.host() + ":" + m.port() + " (" + e.getMessage()
                    + "); check --host and --port");
        }
    }
}
