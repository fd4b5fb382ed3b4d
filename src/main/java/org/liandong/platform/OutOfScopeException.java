package org.liandong.platform;

/**
 * A record exists outside the viewer's scope, or does not exist at all. Both answer 404, so that a
 * worker cannot learn what other communities hold.
 */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException() {
        super("not found in your scope");
    }
}
