package io.slipway.engine.validation.facts;

import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.net.Size;
import java.util.List;

/**
 * A partition ({@code kind == "partition"}, container = device) or logical volume
 * ({@code kind == "lv"}, container = volume group) of a storage layout. A layout is shared by every
 * node that inherits it unchanged, so each volume is checked once; {@code nodes} lists the nodes
 * using it and rules fan out over them to report per node.
 *
 * @param size null when the text is missing or not a size
 * @param index orders the volumes of the layout
 * @param role "root" for the filesystem at {@code /} (or a partition named root without one),
 *     "boot" likewise for {@code /boot}, else null
 */
public record Volume(
        int layout,
        List<EffectiveNode> nodes,
        int index,
        String kind,
        String container,
        String name,
        String sizeText,
        Size size,
        Filesystem filesystem,
        String volumeGroup,
        String mountpoint,
        boolean relative,
        double percent,
        long bytes,
        String role) {

    public static Volume of(
            int layout,
            List<EffectiveNode> nodes,
            int index,
            String kind,
            String container,
            String name,
            String sizeText,
            Filesystem fs,
            String volumeGroup) {
        Size size = Size.parse(sizeText);
        boolean relative = size != null && size.relative();
        return new Volume(
                layout,
                nodes,
                index,
                kind,
                container,
                name,
                sizeText,
                size,
                fs,
                volumeGroup,
                fs == null ? null : fs.mountpoint(),
                relative,
                relative ? size.percent() : 0,
                size == null || relative ? -1 : size.bytes(),
                role(kind, name, fs));
    }

    private static String role(String kind, String name, Filesystem fs) {
        String mp = fs == null ? null : fs.mountpoint();
        if ("/".equals(mp) || mp == null && "partition".equals(kind) && "root".equals(name)) {
            return "root";
        }
        if ("/boot".equals(mp) || mp == null && "partition".equals(kind) && "boot".equals(name)) {
            return "boot";
        }
        return null;
    }

    public boolean partition() {
        return "partition".equals(kind);
    }

    /** How messages name the volume: {@code partition root on device sda}. */
    public String describe() {
        return partition()
                ? "partition " + name + " on device " + container
                : "logical volume " + name + " in volume group " + container;
    }
}
