package io.keyshard;

/**
 * Implemented by exceptions that map to one of the command line's documented exit codes
 * (docs/cli.md, Exit codes). Their message must be fit to show a user: no secret, share or keyId.
 */
public interface ExitCoded {
    int OK = 0;
    int OTHER = 1;
    int BAD_INPUT = 2;
    int VAULT = 3;
    int SERVER = 4;
    int PROTOCOL = 5;

    int exitCode();
}
