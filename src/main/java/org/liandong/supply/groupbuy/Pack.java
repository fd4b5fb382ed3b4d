package org.liandong.supply.groupbuy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One pack on a group order's menu: price in fen, an optional limit per household, what arrived at the gate. */
public record Pack(UUID id, UUID orderId, int position, String name, String unit, int priceCents,
                   @Nullable Integer limit, @Nullable Integer received) {

    public String price() {
        return Money.yuan(priceCents);
    }

    static Pack map(ResultSet rs, int n) throws SQLException {
        return new Pack(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class), rs.getInt("position"),
                rs.getString("name"), rs.getString("unit"), rs.getInt("price_cents"),
                (Integer) rs.getObject("unit_limit", Integer.class), (Integer) rs.getObject("received", Integer.class));
    }
}
