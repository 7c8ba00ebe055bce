package dev.orderflow.customer.application;

import dev.orderflow.platform.problem.Unauthenticated;

public class InvalidCredentials extends Unauthenticated {

    private static final long serialVersionUID = 1L;

    public InvalidCredentials() {
        super("The e-mail address or the password is wrong.");
    }
}
