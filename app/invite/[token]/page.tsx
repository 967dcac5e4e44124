import { accountLinkRoute } from "../../account-link-route";

export const dynamic = "force-dynamic";

const route = accountLinkRoute("invitation");
export const generateMetadata = route.generateMetadata;
export default route.Page;
