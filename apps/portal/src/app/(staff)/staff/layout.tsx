import type { ReactNode } from "react";
import { StaffNav } from "./staff-nav";

/** Every staff page: the staff navigation (only for a signed-in staff member), then the page. */
export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <StaffNav />
      {children}
    </>
  );
}
