package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.ParameterProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Redfish node's design must hold: {@code account}, {@code credential} and {@code network}
 * (its BMC address is the node's address on that network), and well-formed optional settings
 * ({@code port}, {@code verify_tls}, {@code auth}). Pure and thread-safe.
 */
final class RedfishParameters {
    private static final String HINT = "See docs/drivers.md for the Redfish options.";

    private RedfishParameters() {}

    static DriverDescription description() {
        return DriverDescription.of(DriverKind.OOB, RedfishOobDriver.TYPE)
                .withTitle("Redfish", "SW4003")
                .withRequired("account", "credential", "network")
                .withBmcLogin()
                .withCheck(RedfishParameters::problems);
    }

    /** Problems with the optional settings of {@code node}, each naming the parameter. */
    static List<ParameterProblem> problems(String node, Map<String, String> params) {
        List<ParameterProblem> out = new ArrayList<>();
        String port = params.get("port");
        if (port != null && !port.matches("\\d{1,5}")) {
            out.add(problem(node, "oob.port '" + port + "' is not a port number"));
        }
        String verify = params.get("verify_tls");
        if (verify != null && !verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
            out.add(problem(node, "oob.verify_tls must be true or false, not '" + verify + "'"));
        }
        String auth = params.get("auth");
        if (auth != null && !auth.equals("session") && !auth.equals("basic")) {
            out.add(problem(node, "oob.auth must be session or basic, not '" + auth + "'"));
        }
        return out;
    }

    private static ParameterProblem problem(String node, String what) {
        return ParameterProblem.of("Redfish node " + node + ": " + what, HINT);
    }
}
