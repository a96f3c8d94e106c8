package io.slipway.drivers.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The BMC's own words in a failure, whatever shape its error body has. */
class RedfishErrorsTest {

    @Test
    void aRedfishErrorGivesItsFirstExtendedInfoMessage() {
        String body = "{\"error\":{\"code\":\"Base.1.8.GeneralError\",\"message\":\"See ExtendedInfo\","
                + "\"@Message.ExtendedInfo\":[{\"MessageId\":\"Base.1.8.NoValidSession\","
                + "\"Message\":\"There is no valid session established with the implementation.\"}]}}";
        assertThat(RedfishErrors.message(body))
                .isEqualTo(" (There is no valid session established with the implementation.)");
    }

    @Test
    void anErrorWithoutExtendedInfoGivesItsMessage() {
        // the shape sushy-tools answers a rejected password with
        String body = "{\"error\":{\"message\":\"Incorrect username or password\",\"code\":401}}";
        assertThat(RedfishErrors.message(body)).isEqualTo(" (Incorrect username or password)");
    }

    @Test
    void anHtmlPageFromTheBmcWebServerGivesItsText() {
        String body = "<html><head><title>401</title><style>p{}</style></head>"
                + "<body><p>Wrong  user\nor password</p></body></html>";
        assertThat(RedfishErrors.message(body)).isEqualTo(" (401 Wrong user or password)");
    }

    @Test
    void anEmptyBodyAddsNothing() {
        assertThat(RedfishErrors.message("")).isEmpty();
        assertThat(RedfishErrors.message(null)).isEmpty();
    }
}
