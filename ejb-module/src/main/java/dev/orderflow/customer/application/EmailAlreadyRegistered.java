package dev.orderflow.customer.application;

import dev.orderflow.platform.problem.Conflict;

public class EmailAlreadyRegistered extends Conflict {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegistered() {
        super("An account with this e-mail address already exists.");
    }

    @Override
    public String rule() {
        return "email-already-registered";
    }
}
