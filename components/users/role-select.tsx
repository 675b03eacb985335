"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { roleLabels } from "@/lib/format";
import type { Role } from "@/lib/value-sets";

/** The role picker of the user forms (create and edit). */
export function RoleSelect({ id, value, onChange, roles }: { id: string; value: Role; onChange: (role: Role) => void; roles: readonly Role[] }) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as Role)}>
      <SelectTrigger id={id}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {roles.map((role) => (
          <SelectItem key={role} value={role}>
            {roleLabels[role]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
