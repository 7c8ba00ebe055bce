package dev.orderflow.platform.paging;

/** A page or size parameter a client sent that cannot be served. */
public class InvalidPageRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidPageRequest(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
