package io.slipway.drivers.ipmi.sim;

/** The configuration files {@link IpmiSim} generates for each {@code ipmi_sim} instance. */
final class IpmiSimFiles {

    private IpmiSimFiles() {}

    /**
     * The {@code chassis_control} program: {@code ipmi_sim} runs "<script> <dir> get power" and
     * "<script> <dir> set power 1 [boot pxe]"; state is kept in files and every set is logged.
     */
    static final String CHASSIS_SCRIPT = """
      #!/bin/sh
      dir="$1"; op="$2"; shift 2
      [ -f "$dir/power" ] || echo 0 > "$dir/power"
      [ -f "$dir/boot" ] || echo default > "$dir/boot"
      case "$op" in
        get)
          for p in "$@"; do
            case "$p" in
              power) echo "power:$(cat "$dir/power")" ;;
              boot) echo "boot:$(cat "$dir/boot")" ;;
              *) echo "unknown parameter $p"; exit 1 ;;
            esac
          done ;;
        set)
          while [ $# -ge 2 ]; do
            echo "set $1 $2" >> "$dir/actions.log"
            case "$1" in
              power) echo "$2" > "$dir/power" ;;
              boot) echo "$2" > "$dir/boot" ;;
              shutdown) echo 0 > "$dir/power" ;;
              reset|identify) : ;;
              *) echo "unknown parameter $1"; exit 1 ;;
            esac
            shift 2
          done ;;
        check) : ;;
        *) exit 1 ;;
      esac
      exit 0
      """;

    /** Three analog sensors: CPU Temp, Inlet Temp and Fan1 (m = 100). */
    static final String SDRS = sensor(1, "processor", "Temperature", "degrees_C", 1, "CPU Temp")
            + sensor(2, "system_board", "Temperature", "degrees_C", 1, "Inlet Temp")
            + sensor(3, "fan_cooling_device", "Fan", "RPM", 100, "Fan1");

    private static String sensor(int number, String entity, String type, String unit, int m, String name) {
        return """
           sdr type 1
           \tsensor_owner_id 0x20
           \tsensor_owner_lun 0
           \tchannel_number 0
           \tsensor_number %d
           \tentity_id %s
           \tentity_instance 1
           \tsensor_type %s
           \tinit_scanning true
           \tinit_sensor_type true
           \tdefault_sensor_scan_on true
           \tevent_reading_type_code 1
           \tanalog_data_format unsigned
           \trate_unit none
           \tmodifier_unit none
           \tpercentage false
           \tbase_unit %s
           \tmodifier_unit_code unspecified
           \tlinearization linear
           \tm %d
           \ttolerance 0
           \tb 0
           \taccuracy 1
           \taccuracy_exp 0
           \tsensor_direction input
           \tr_exp 0
           \tb_exp 0
           \tsensor_maximum 255
           \tsensor_minimum 0
           \tid_string "%s"
           endsdr
           """.formatted(number, entity, type, unit, m, name);
    }

    /** lan.conf: RMCP+ needs a GUID; users admin (ADMIN) and oper (OPERATOR). */
    static String lanConf(String name, int port, String guid, String chassisCommand) {
        return """
           name "%s"
           set_working_mc 0x20
             startlan 1
               addr 127.0.0.1 %d
               priv_limit admin
               allowed_auths_callback none md2 md5 straight
               allowed_auths_user none md2 md5 straight
               allowed_auths_operator none md2 md5 straight
               allowed_auths_admin none md2 md5 straight
               guid %s
             endlan
             chassis_control "%s"
             user 2 true "admin" "password" admin 10 none md2 md5 straight
             user 3 true "oper" "operpass" operator 10 none md2 md5 straight
           """.formatted(name, port, guid, chassisCommand);
    }

    /** The command file: one BMC with FRU device 0 and the sensors of {@link #SDRS}. */
    static String emu(String fruFile) {
        return """
           mc_setbmc 0x20
           mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
           sel_enable 0x20 1000 0x0a
           mc_add_fru_data 0x20 0 256 file 0 "%s"
           sensor_add 0x20 0 1 0x01 0x01
           sensor_set_value 0x20 0 1 45 0
           sensor_add 0x20 0 2 0x01 0x01
           sensor_set_value 0x20 0 2 24 0
           sensor_add 0x20 0 3 0x04 0x01
           sensor_set_value 0x20 0 3 60 0
           mc_enable 0x20
           """.formatted(fruFile);
    }
}
