package dev.ard.maven.extension;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Calls the listener Maven had (its console logger, other extensions' listeners) first, then ARD's.
 * Maven discovers no {@link ExecutionListener} components, so an extension has to chain itself onto
 * {@code MavenExecutionRequest.getExecutionListener()}.
 */
final class ChainedExecutionListener implements ExecutionListener {

    private final ExecutionListener first;
    private final ExecutionListener ard;

    ChainedExecutionListener(ExecutionListener first, ExecutionListener ard) {
        this.first = first;
        this.ard = ard;
    }

    /** True when any ARD listener is in the chain starting at {@code listener}. */
    static boolean hasArd(ExecutionListener listener) {
        if (listener instanceof ArdExecutionListener) {
            return true;
        }
        return listener instanceof ChainedExecutionListener chained
                && (chained.ard instanceof ArdExecutionListener || hasArd(chained.first));
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        first.projectDiscoveryStarted(event);
        ard.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        first.sessionStarted(event);
        ard.sessionStarted(event);
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        first.sessionEnded(event);
        ard.sessionEnded(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        first.projectSkipped(event);
        ard.projectSkipped(event);
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        first.projectStarted(event);
        ard.projectStarted(event);
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        first.projectSucceeded(event);
        ard.projectSucceeded(event);
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        first.projectFailed(event);
        ard.projectFailed(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        first.mojoSkipped(event);
        ard.mojoSkipped(event);
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        first.mojoStarted(event);
        ard.mojoStarted(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        first.mojoSucceeded(event);
        ard.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        first.mojoFailed(event);
        ard.mojoFailed(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        first.forkStarted(event);
        ard.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        first.forkSucceeded(event);
        ard.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        first.forkFailed(event);
        ard.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        first.forkedProjectStarted(event);
        ard.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        first.forkedProjectSucceeded(event);
        ard.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        first.forkedProjectFailed(event);
        ard.forkedProjectFailed(event);
    }
}
