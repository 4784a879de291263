// The English catalog, one file per area of the portal so features do not edit one
// shared file; each file holds its own top-level namespaces.
import accounts from "./accounts.json";
import common from "./common.json";
import compliance from "./compliance.json";
import conversion from "./conversion.json";
import forms from "./forms.json";
import identity from "./identity.json";
import kyc from "./kyc.json";
import history from "./history.json";
import moneyInOut from "./money-in-out.json";
import profile from "./profile.json";
import security from "./security.json";
import staff from "./staff.json";

const messages = { ...common, ...forms, ...identity, ...security, ...kyc, ...accounts, ...staff, ...compliance, ...conversion, ...history, ...moneyInOut, ...profile };

export default messages;
