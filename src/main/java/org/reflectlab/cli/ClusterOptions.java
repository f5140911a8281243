package org.reflectlab.cli;

import java.util.List;
import org.reflectlab.core.cluster.PekkoSetup;
import picocli.CommandLine.Option;

/** Joining a Pekko cluster: shared by sweep, pool and worker. */
final class ClusterOptions {

    @Option(names = "--cluster", description = "Spread the jobs over every node of a Pekko cluster with the 'sweep' role (this one included).")
    boolean cluster;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address this node listens on in a cluster (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "25520", description = "Port this node listens on in a cluster (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;
    @Option(names = "--seed-nodes", split = ",", description = "host:port of cluster nodes to join through (default: this node, i.e. found a new cluster).")
    List<String> seeds;

    /** This node's membership; throws IllegalArgumentException with a message for a malformed seed or port. */
    PekkoSetup.Membership membership(List<String> roles) {
        List<String> s = seeds == null || seeds.isEmpty() ? List.of(host + ":" + port) : PekkoSetup.parseSeeds(String.join(",", seeds));
        return new PekkoSetup.Membership(true, host, port, s, roles);
    }
}
