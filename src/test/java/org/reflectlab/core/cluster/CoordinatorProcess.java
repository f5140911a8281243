package org.reflectlab.core.cluster;

import java.util.List;

/** A coordinator node in a process of its own, for a test to kill with SIGKILL: prints "up" once it listens. */
public final class CoordinatorProcess {

    private CoordinatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        JobNode.start(new PekkoSetup.Membership(true, "127.0.0.1", port, List.of("127.0.0.1:" + port),
                List.of(JobNode.COORDINATOR_ROLE)), 0, () -> null, "", new JobNode.Listener() {
                    @Override
                    public void notice(String message) {
                    }

                    @Override
                    public void finished(String worker, long millis) {
                    }
                });
        System.out.println("up");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
