import { redirect } from "next/navigation";

/** /staff has nothing of its own: the review queue is the staff's home. */
export default function StaffHome() {
  redirect("/staff/kyc");
}
