package io.slipway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretValuesInYamlTextAreMaskedKeepingTheLayout() {
        String yaml = """
        schema: drydock/HostProfile/v1
        metadata: {name: base}
        data:
          oob:
            type: ipmi
            account: admin
            credential: lab-secret   # rotated monthly
          other: {type: redfish, credential: "s3cr,et", account: root}
          tokens:
            - password: |
                line one
                line two
            - name: kept
        """;
        String masked = Secrets.text(yaml);
        assertThat(masked)
                .doesNotContain("lab-secret", "s3cr,et", "line one", "line two", "rotated")
                .contains(
                        "    credential: '***'\n",
                        "{type: redfish, credential: '***', account: root}",
                        "  - password: '***'\n",
                        "    - name: kept",
                        "    account: admin");
    }

    @Test
    void theDataOfAnEncryptedDocumentIsMasked() {
        String yaml = """
        schema: deckhand/Passphrase/v1
        metadata:
          name: ipmi-pass
          storagePolicy: encrypted
        data: hunter2
        ---
        schema: drydock/Region/v1
        metadata:
          name: r1
          storagePolicy: cleartext
        data:
          tag_definitions: []
        """;
        String masked = Secrets.text(yaml);
        assertThat(masked)
                .doesNotContain("hunter2")
                .contains("data: '***'\n---")
                .contains("  tag_definitions: []");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String yaml = "schema: drydock/Network/v1\nmetadata: {name: oob}\ndata:\n  cidr: 10.0.0.0/24 # credential\n"
                + "  secretary: no\n";
        assertThat(Secrets.text(yaml)).isEqualTo(yaml);
    }

    @Test
    void secretValuesInJsonAreMaskedAtAnyDepthAndDiffEntriesKeepTheirShape() {
        JsonObject doc = new JsonObject()
                .put("schema", "drydock/BaremetalNode/v1")
                .put(
                        "data",
                        new JsonObject()
                                .put(
                                        "oob",
                                        new JsonObject().put("credential", "pw").put("account", "admin"))
                                .put("list", new JsonArray().add(new JsonObject().put("Password", "x"))));
        JsonObject masked = Secrets.json(doc);
        assertThat(masked.encode())
                .doesNotContain("\"pw\"", "\"x\"")
                .contains("\"credential\":\"***\"", "\"account\":\"admin\"", "\"Password\":\"***\"");
        JsonObject diff = new JsonObject()
                .put(
                        "fields",
                        new JsonObject()
                                .put(
                                        "oob.credential",
                                        new JsonObject().put("from", "old").put("to", "new"))
                                .put("image", "jammy"));
        assertThat(Secrets.json(diff).getJsonObject("fields").encode())
                .isEqualTo("{\"oob.credential\":{\"from\":\"***\",\"to\":\"***\"},\"image\":\"jammy\"}");
    }

    @Test
    void encryptedDocumentsHideTheirDataInJson() {
        JsonObject doc = new JsonObject()
                .put("schema", "deckhand/Passphrase/v1")
                .put("metadata", new JsonObject().put("name", "p").put("storagePolicy", "encrypted"))
                .put("data", "hunter2");
        assertThat(Secrets.json(doc).getString("data")).isEqualTo("***");
    }
}
