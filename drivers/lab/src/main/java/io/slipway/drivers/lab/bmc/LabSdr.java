package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.ipmi.rmcp.LanMessage;
import java.util.ArrayList;
import java.util.List;

/** The SDR repository and sensor readings of a lab BMC: one Full Sensor Record per sensor. */
final class LabSdr {

    private final List<LabBmcConfig.Sensor> sensors;
    private final List<byte[]> records = new ArrayList<>();
    private int reservation = 1;

    LabSdr(List<LabBmcConfig.Sensor> sensors) {
        this.sensors = sensors;
        for (int i = 0; i < sensors.size(); i++) {
            records.add(sensors.get(i).record().encode(i + 1));
        }
    }

    LanMessage handle(LanMessage rq) {
        if (rq.cmd() == 0x22) {
            reservation = (reservation + 1) & 0xFFFF;
            return LabCommands.ok(rq, reservation & 0xFF, reservation >> 8);
        }
        byte[] d = rq.data();
        if (d.length < 6) {
            return LabCommands.fail(rq, 0xC7);
        }
        int id = (d[2] & 0xFF) | (d[3] & 0xFF) << 8;
        int index = id == 0 ? 0 : id - 1;
        if (index < 0 || index >= records.size()) {
            return LabCommands.fail(rq, 0xCB);
        }
        byte[] record = records.get(index);
        int offset = d[4] & 0xFF;
        int count = (d[5] & 0xFF) == 0xFF ? record.length - offset : d[5] & 0xFF;
        int n = Math.max(0, Math.min(count, record.length - offset));
        int next = index + 1 < records.size() ? index + 2 : 0xFFFF;
        byte[] out = new byte[2 + n];
        out[0] = (byte) next;
        out[1] = (byte) (next >> 8);
        System.arraycopy(record, Math.min(offset, record.length), out, 2, n);
        return LanMessage.response(rq, 0, out);
    }

    LanMessage reading(LanMessage rq) {
        int number = rq.data().length > 0 ? rq.data()[0] & 0xFF : -1;
        return sensors.stream()
                .filter(s -> s.record().number() == number)
                .findFirst()
                .map(s -> LabCommands.ok(rq, s.raw(), 0x40, 0x00))
                .orElseGet(() -> LabCommands.fail(rq, 0xCB));
    }
}
